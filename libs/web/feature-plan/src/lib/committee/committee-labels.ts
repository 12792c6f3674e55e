import type {
  ActionItemStatus,
  AttendanceStatus,
  CommitteePosition,
  MeetingStatus,
  MinutesState,
} from '@marsad/contracts';

// Literal keys, so the translation check can see them.
export const MEETING_STATUS_KEYS: Record<MeetingStatus, string> = {
  planned: 'committee.meetingStatus.planned',
  held: 'committee.meetingStatus.held',
  cancelled: 'committee.meetingStatus.cancelled',
};

export const MINUTES_STATE_KEYS: Record<MinutesState, string> = {
  draft: 'committee.minutesState.draft',
  approved: 'committee.minutesState.approved',
};

export const ATTENDANCE_KEYS: Record<AttendanceStatus, string> = {
  present: 'committee.attendance.present',
  excused: 'committee.attendance.excused',
  absent: 'committee.attendance.absent',
};

export const ACTION_ITEM_STATUS_KEYS: Record<ActionItemStatus, string> = {
  open: 'committee.itemStatus.open',
  in_progress: 'committee.itemStatus.in_progress',
  done: 'committee.itemStatus.done',
  dropped: 'committee.itemStatus.dropped',
};

export const POSITION_KEYS: Record<CommitteePosition, string> = {
  chair: 'committee.position.chair',
  secretary: 'committee.position.secretary',
  member: 'committee.position.member',
};

/** A glyph beside each state's text: state is never told by colour alone. */
export const STATE_GLYPHS: Record<string, string> = {
  planned: '◷',
  held: '✓',
  cancelled: '✕',
  draft: '✎',
  approved: '✓',
  open: '○',
  in_progress: '◐',
  done: '●',
  dropped: '✕',
  present: '✓',
  excused: '–',
  absent: '✕',
};

/** What a representative presses to say how they attend. */
export const OWN_ATTENDANCE_KEYS: Record<AttendanceStatus, string> = {
  present: 'committee.attendance.confirm.present',
  excused: 'committee.attendance.confirm.excused',
  absent: 'committee.attendance.confirm.absent',
};
