import type {
  ActionItemView,
  CommitteeDocumentView,
  CommitteeMemberView,
  CommitteeRepresentativeView,
  DecisionView,
} from '@marsad/contracts';
import { toInstitutionRef } from '../institutions/institutions.service';
import { actionItemReference, daysOverdue, isOverdue } from './committee-rules';
import type { ActionItem } from './entities/action-item.entity';
import type { CommitteeDecision } from './entities/committee-decision.entity';
import type { CommitteeDocument } from './entities/committee-document.entity';
import type { CommitteeMember } from './entities/committee-member.entity';
import type { CommitteeRepresentative } from './entities/committee-representative.entity';

export function mapRepresentative(
  representative: CommitteeRepresentative,
  member: CommitteeMember,
  personal: boolean,
): CommitteeRepresentativeView {
  return {
    id: representative.id,
    memberId: member.id,
    institution: toInstitutionRef(member.institution!),
    fullName: representative.fullName,
    title: representative.title,
    position: representative.position,
    alternate: representative.alternate,
    fromOn: representative.fromOn,
    toOn: representative.toOn,
    email: personal ? representative.email : null,
    phone: personal ? representative.phone : null,
    hasAccount: representative.userId !== null,
    version: representative.version,
  };
}

/** A member; its representatives only for those who may see people (law 09-08). */
export function mapMember(member: CommitteeMember, personal: boolean): CommitteeMemberView {
  return {
    id: member.id,
    institution: toInstitutionRef(member.institution!),
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    founding: member.founding,
    representatives: personal
      ? (member.representatives ?? [])
          .slice()
          .sort((a, b) => positionRank(a) - positionRank(b) || b.fromOn.localeCompare(a.fromOn))
          .map((representative) => mapRepresentative(representative, member, true))
      : [],
    version: member.version,
  };
}

const POSITION_RANK = { chair: 0, secretary: 1, member: 2 } as const;
/** Chair, secretary, members; titulars before alternates. */
export const positionRank = (r: Pick<CommitteeRepresentative, 'position' | 'alternate'>) =>
  POSITION_RANK[r.position] * 2 + (r.alternate ? 1 : 0);

/** An action item, with its decision and meeting loaded (`decision.meeting`), its owner and notes. */
export function mapActionItem(item: ActionItem, today: string): ActionItemView {
  const decision = item.decision!;
  const meeting = decision.meeting!;
  return {
    id: item.id,
    reference: actionItemReference(meeting.number, decision.number, item.number),
    text: item.text,
    owner: toInstitutionRef(item.owner!),
    ownerPerson: item.ownerPerson,
    dueOn: item.dueOn,
    status: item.status,
    overdue: isOverdue(item, today),
    daysOverdue: daysOverdue(item, today),
    decision: {
      id: decision.id,
      number: decision.number,
      meetingId: meeting.id,
      meetingNumber: meeting.number,
      text: decision.text,
    },
    closingEvidence: item.closingEvidence,
    closedAt: item.closedAt ? item.closedAt.toISOString() : null,
    notes: (item.notes ?? [])
      .slice()
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((note) => ({
        id: note.id,
        body: note.body,
        authorName: note.authorName,
        authorInstitution: note.authorInstitution ? toInstitutionRef(note.authorInstitution) : null,
        status: note.status,
        createdAt: note.createdAt.toISOString(),
      })),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}

export function mapDecision(decision: CommitteeDecision, today: string): DecisionView {
  const meeting = decision.meeting!;
  return {
    id: decision.id,
    meetingId: decision.meetingId,
    meetingNumber: meeting.number,
    number: decision.number,
    text: decision.text,
    decidedOn: decision.decidedOn,
    measureNumbers: decision.measureNumbers,
    activityCodes: decision.activityCodes,
    actionItems: (decision.actionItems ?? [])
      .slice()
      .sort((a, b) => a.number - b.number)
      .map((item) => mapActionItem({ ...item, decision } as ActionItem, today)),
  };
}

export function mapDocument(document: CommitteeDocument): CommitteeDocumentView {
  return {
    id: document.id,
    kind: document.kind,
    role: document.role,
    title: document.title,
    url: document.kind === 'link' ? (document.url as string) : `/api/v1/committee/documents/${document.id}/file`,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    createdAt: document.createdAt.toISOString(),
  };
}
