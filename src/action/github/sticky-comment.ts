import { withoutHtmlComments } from '../../report/markdown-text.js';
import type { GitHub } from './client.js';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** The login `GITHUB_TOKEN` writes as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface StickyCommentOptions {
  issueNumber: number;
  body: string;
  /** A hidden HTML comment such as `<!-- driftwarden:pr-comment -->`; a bare name is wrapped in one. */
  marker: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  url: string;
}

export interface CommentAuthor {
  login: string;
  type?: string;
}

/**
 * One comment per pull request (or issue) and marker: the bot's own comment carrying the marker is updated in
 * place, left alone when its body is already right, and created only when there is none. Comments by anyone else
 * are never touched, even when they carry the marker. The marker counts only as the last line of the body, where
 * `withMarker` puts it, and the rest of the body holds no HTML comment: text the comment quotes (a resource id
 * reading `<!-- driftwarden:pr-comment -->`) can neither make another of the bot's comments look like this one nor
 * hide part of this one.
 */
export async function upsertStickyComment(
  gh: GitHub,
  options: StickyCommentOptions,
): Promise<StickyCommentResult> {
  const marker = hiddenMarker(options.marker);
  const body = withMarker(options.body, marker);
  const isMine = await ownAuthor(gh);
  const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    owner: gh.owner,
    repo: gh.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  });
  const existing = comments.find(
    (c) => c.user !== null && isMine(c.user) && carriesMarker(c.body ?? '', marker),
  );
  if (existing && normalise(existing.body ?? '') === normalise(body)) {
    return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
  }
  if (existing) {
    const { data } = await gh.octokit.rest.issues.updateComment({
      owner: gh.owner,
      repo: gh.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', commentId: data.id, url: data.html_url };
  }
  const { data } = await gh.octokit.rest.issues.createComment({
    owner: gh.owner,
    repo: gh.repo,
    issue_number: options.issueNumber,
    body,
  });
  return { action: 'created', commentId: data.id, url: data.html_url };
}

/** `<!-- name -->` for a bare name; an HTML comment is kept as it is. */
export function hiddenMarker(marker: string): string {
  const trimmed = marker.trim();
  if (trimmed.startsWith('<!--') && trimmed.endsWith('-->')) return trimmed;
  return `<!-- ${trimmed.replaceAll('-->', '')} -->`;
}

/** True when the body ends with the marker, as `withMarker` writes it. */
export function carriesMarker(body: string, marker: string): boolean {
  return normalise(body).endsWith(`\n${marker}`) || normalise(body) === marker;
}

/**
 * The body with the marker appended, cut (with a note) to fit GitHub's comment limit. The cut falls at the end of a
 * line, never inside a code span (whose content would become Markdown) or a surrogate pair. Any HTML comment
 * opener or closer in the body is broken with a zero-width space, so that the marker is its only HTML comment.
 */
export function withMarker(body: string, marker: string): string {
  const stripped = normalise(body).endsWith(`\n${marker}`) ? normalise(body).slice(0, -marker.length) : body;
  const text = withoutHtmlComments(stripped).trimEnd();
  const room = COMMENT_LIMIT - marker.length - 100;
  if (text.length <= room) return `${text}\n${marker}`;
  const lineEnd = text.lastIndexOf('\n', room);
  const fitted = text.slice(0, Math.max(lineEnd, 0)).trimEnd();
  return `${fitted}\n\n_(cut: the comment was longer than GitHub allows)_\n${marker}`;
}

const identities = new WeakMap<GitHub, Promise<(user: CommentAuthor) => boolean>>();

/**
 * Which comments are the token's own: by the `GET /user` login when the token may read it (a personal token);
 * else (`GITHUB_TOKEN` and app tokens get 403) the Actions bot. Asked once per client.
 */
export function ownAuthor(gh: GitHub): Promise<(user: CommentAuthor) => boolean> {
  let known = identities.get(gh);
  if (!known) {
    known = whoAmI(gh);
    identities.set(gh, known);
    known.catch(() => identities.delete(gh));
  }
  return known;
}

async function whoAmI(gh: GitHub): Promise<(user: CommentAuthor) => boolean> {
  try {
    const { data } = await gh.octokit.rest.users.getAuthenticated();
    const login = data.login.toLowerCase();
    return (user) => user.login.toLowerCase() === login;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status !== 401 && status !== 403 && status !== 404) throw error;
    gh.log.info(`GET /user is not allowed for this token; looking for comments by ${ACTIONS_BOT_LOGIN}`);
    return (user) => user.type === 'Bot' && user.login === ACTIONS_BOT_LOGIN;
  }
}

function normalise(body: string): string {
  return body.replaceAll('\r\n', '\n').trimEnd();
}
