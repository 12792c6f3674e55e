import { AuditEvent } from '../audit/audit-event.entity';
import { PasswordResetToken } from '../auth/entities/password-reset-token.entity';
import { Session } from '../auth/entities/session.entity';
import { SignInAttempt } from '../auth/entities/sign-in-attempt.entity';
import { User } from '../auth/entities/user.entity';
import { OfficerAppointment } from '../officers/entities/officer-appointment.entity';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { Evidence } from '../plan/entities/evidence.entity';
import { Measure } from '../plan/entities/measure.entity';
import { Milestone } from '../plan/entities/milestone.entity';
import { Plan } from '../plan/entities/plan.entity';
import { PlanSnapshot } from '../plan/entities/plan-snapshot.entity';
import { ProgressUpdate } from '../plan/entities/progress-update.entity';
import { ReportingRound } from '../rounds/entities/reporting-round.entity';
import { RoundConfirmation } from '../rounds/entities/round-confirmation.entity';
import { AppSetting } from '../settings/app-setting.entity';
import { InventoryItem } from '../inventory/entities/inventory-item.entity';
import { MetricSnapshot } from '../metrics/entities/metric-snapshot.entity';
import { HarvestRun } from '../portal/entities/harvest-run.entity';
import { PortalDataset, PortalDatasetStaging } from '../portal/entities/portal-dataset.entity';
import { PortalOrganization } from '../portal/entities/portal-organization.entity';
import { CommitteeMember } from '../committee/entities/committee-member.entity';
import { CommitteeRepresentative } from '../committee/entities/committee-representative.entity';
import { CommitteeMeeting } from '../committee/entities/committee-meeting.entity';
import { AgendaItem } from '../committee/entities/agenda-item.entity';
import { CommitteeAttendance } from '../committee/entities/committee-attendance.entity';
import { CommitteeDocument } from '../committee/entities/committee-document.entity';
import { CommitteeDecision } from '../committee/entities/committee-decision.entity';
import { ActionItem } from '../committee/entities/action-item.entity';
import { ActionItemNote } from '../committee/entities/action-item-note.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationPreference } from '../notifications/entities/notification-preference.entity';
import { PlanEvent } from '../events/entities/plan-event.entity';
import { EventParticipant } from '../events/entities/event-participant.entity';
import { EventParticipantCount } from '../events/entities/event-participant-count.entity';
import { ReachTarget } from '../events/entities/reach-target.entity';
import { EventFeedback } from '../events/entities/event-feedback.entity';
import { EventGuest } from '../events/entities/event-guest.entity';
import { Reuse } from '../reuses/entities/reuse.entity';
import { PlanComment } from '../comments/entities/plan-comment.entity';
import { HackathonChallenge } from '../hackathons/entities/hackathon-challenge.entity';
import { HackathonTeam } from '../hackathons/entities/hackathon-team.entity';
import { AwardEdition } from '../award/entities/award-edition.entity';
import { AwardCriterion } from '../award/entities/award-criterion.entity';
import { AwardJuror } from '../award/entities/award-juror.entity';
import { AwardApplication } from '../award/entities/award-application.entity';
import { AwardApplicationFile } from '../award/entities/award-application-file.entity';
import { AwardAutomatedValue } from '../award/entities/award-automated-value.entity';
import { AwardScore } from '../award/entities/award-score.entity';
import { AwardPublication } from '../award/entities/award-publication.entity';

// Listed explicitly: the API is bundled by webpack, so globs find nothing at run time.
export const ENTITIES = [
  Institution,
  Plan,
  Measure,
  Activity,
  ProgressUpdate,
  Evidence,
  Milestone,
  AppSetting,
  User,
  Session,
  PasswordResetToken,
  SignInAttempt,
  AuditEvent,
  OfficerAppointment,
  PortalOrganization,
  PortalDataset,
  PortalDatasetStaging,
  HarvestRun,
  ReportingRound,
  RoundConfirmation,
  MetricSnapshot,
  PlanSnapshot,
  InventoryItem,
  CommitteeMember,
  CommitteeRepresentative,
  CommitteeMeeting,
  AgendaItem,
  CommitteeAttendance,
  CommitteeDocument,
  CommitteeDecision,
  ActionItem,
  ActionItemNote,
  Notification,
  NotificationPreference,
  PlanEvent,
  EventParticipant,
  EventParticipantCount,
  ReachTarget,
  EventFeedback,
  EventGuest,
  Reuse,
  PlanComment,
  HackathonChallenge,
  HackathonTeam,
  AwardEdition,
  AwardCriterion,
  AwardJuror,
  AwardApplication,
  AwardApplicationFile,
  AwardAutomatedValue,
  AwardScore,
  AwardPublication,
];
