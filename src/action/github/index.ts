export {
  createGitHub,
  type GitHub,
  GitHubApiError,
  type GitHubLog,
  type GitHubOptions,
  isPermissionError,
} from './client.js';
export {
  ACTIONS_BOT_LOGIN,
  COMMENT_LIMIT,
  type CommentAuthor,
  hiddenMarker,
  ownAuthor,
  type StickyCommentOptions,
  type StickyCommentResult,
  upsertStickyComment,
  withMarker,
} from './sticky-comment.js';
export {
  ageInDays,
  currentFindings,
  type FindingState,
  ISSUE_BODY_LIMIT,
  isFailedScan,
  parseState,
  type ScanOutcome,
  type StoredFinding,
  stateComment,
  syncTrackingIssue,
  type TrackingAction,
  type TrackingIssueOptions,
  type TrackingIssueResult,
} from './tracking-issue.js';
