/** The Create issue dialog: what @forge/jira-bridge's CreateIssueModal opens in Jira, drawn in the site's chrome. */
import { adfToText, textToAdf, type AdfNode } from './adf-text';
import { showFlag } from './flags';
import { toFrame, type Slot } from './slots';

/** What the app pre-fills (CreateIssueModal's `context`): Jira's field names, ids or objects. */
type PrefillContext = Record<string, unknown> & {
  projectId?: string | number;
  issueTypeId?: string | number;
  summary?: string;
  description?: AdfNode | string;
  versions?: unknown[];
  fixVersions?: unknown[];
  labels?: unknown[];
  components?: unknown[];
};

interface JiraProject {
  id: string;
  key: string;
  name: string;
  issueTypes?: IssueType[];
  versions?: Array<{ id: string; name: string; archived?: boolean }>;
}
interface IssueType {
  id: string;
  name: string;
  subtask?: boolean;
}

type Attrs = Record<string, string | boolean | undefined | null>;

function el(tag: string, attrs: Attrs = {}, children: Array<Node | null> = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = String(v);
    else if (v !== false && v !== undefined && v !== null) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return el('div', { class: 'field' }, [el('label', { for: id, text: label }), control, hint ? el('p', { class: 'field-hint', id: `${id}-hint`, text: hint }) : null]);
}

const idOf = (v: unknown): string => String(v && typeof v === 'object' ? (v as { id?: unknown }).id : v);
const idsOf = (list: unknown): string[] => (Array.isArray(list) ? list : []).map(idOf);
const asRef = <K extends string>(v: unknown, key: K) => (typeof v === 'object' ? v : { [key]: key === 'id' ? String(v) : v });

async function jiraJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/json' }, ...init });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as { errorMessages?: string[]; errors?: Record<string, string> } | null) : null;
  if (!res.ok) {
    const messages = [...(body?.errorMessages ?? [])];
    for (const [k, v] of Object.entries(body?.errors ?? {})) messages.push(`${k}: ${v}`);
    throw new Error(messages.join(' ') || `Jira answered HTTP ${res.status}`);
  }
  return body as T;
}

let modalOpen = false;

export async function openIssueCreateModal(payload: { context?: PrefillContext; modalId?: unknown } | null, slot: Slot): Promise<true> {
  if (modalOpen) throw new Error('A Create issue dialog is already open');
  const ctx = payload?.context ?? {};
  const projectId = String(ctx.projectId || slot.config.context.extension.project.id);
  modalOpen = true;
  try {
    const [project, createmeta] = await Promise.all([
      jiraJson<JiraProject>(`/rest/api/3/project/${encodeURIComponent(projectId)}`),
      jiraJson<{ issueTypes?: IssueType[]; values?: IssueType[] }>(`/rest/api/3/issue/createmeta/${encodeURIComponent(projectId)}/issuetypes`).catch(() => null),
    ]);
    buildDialog(slot, ctx, payload?.modalId, project, createmeta);
    return true;
  } catch (err) {
    modalOpen = false;
    throw err;
  }
}

/** The fields the app pre-filled that this dialog does not show: they go to Jira unchanged. */
function hiddenFields(ctx: PrefillContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const k of Object.keys(ctx)) if (/^customfield_/.test(k)) fields[k] = ctx[k];
  if (ctx['environment']) fields['environment'] = ctx['environment'];
  if (ctx['priority']) fields['priority'] = asRef(ctx['priority'], 'id');
  if (ctx['assignee']) fields['assignee'] = asRef(ctx['assignee'], 'accountId');
  if (ctx['reporter']) fields['reporter'] = asRef(ctx['reporter'], 'accountId');
  if (ctx['duedate']) fields['duedate'] = ctx['duedate'];
  if (ctx['parentId']) fields['parent'] = { id: String(ctx['parentId']) };
  if (Array.isArray(ctx.components)) fields['components'] = ctx.components.map((c) => ({ id: idOf(c) }));
  return fields;
}

function buildDialog(slot: Slot, ctx: PrefillContext, modalId: unknown, project: JiraProject, createmeta: { issueTypes?: IssueType[]; values?: IssueType[] } | null): void {
  const issueTypes = (createmeta?.issueTypes || createmeta?.values || project.issueTypes || []).filter((t) => !t.subtask);
  const versions = (project.versions || []).filter((v) => !v.archived);
  const originalDescription = ctx.description && typeof ctx.description === 'object' ? ctx.description : null;
  const originalText = originalDescription ? adfToText(originalDescription) : String(ctx.description || '');

  const typeSelect = el('select', { id: 'cim-issuetype', name: 'issuetype', required: true }) as HTMLSelectElement;
  for (const t of issueTypes) typeSelect.appendChild(el('option', { value: t.id, selected: String(t.id) === String(ctx.issueTypeId), text: t.name }));
  const summary = el('input', { id: 'cim-summary', name: 'summary', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off' }) as HTMLInputElement;
  summary.value = ctx.summary || '';
  const description = el('textarea', { id: 'cim-description', name: 'description', rows: '8' }) as HTMLTextAreaElement;
  description.value = originalText;
  const versionSelect = (id: string, selected: string[]) => {
    const select = el('select', { id, multiple: true, size: String(Math.min(Math.max(versions.length, 2), 4)) }) as HTMLSelectElement;
    for (const v of versions) select.appendChild(el('option', { value: v.id, selected: selected.includes(String(v.id)), text: v.name }));
    return select;
  };
  const affects = versionSelect('cim-versions', idsOf(ctx.versions));
  const fixes = versionSelect('cim-fixversions', idsOf(ctx.fixVersions));
  const labels = el('input', { id: 'cim-labels', name: 'labels', type: 'text', autocomplete: 'off', 'aria-describedby': 'cim-labels-hint' }) as HTMLInputElement;
  labels.value = (Array.isArray(ctx.labels) ? ctx.labels : []).join(' ');
  const error = el('div', { class: 'dialog-error', role: 'alert', hidden: true });

  const cancel = el('button', { type: 'button', class: 'button button-subtle', text: 'Cancel' });
  const create = el('button', { type: 'submit', class: 'button button-primary', text: 'Create' }) as HTMLButtonElement;
  const form = el('form', { class: 'dialog-form', novalidate: true }, [
    el('div', { class: 'dialog-body' }, [
      el('p', { class: 'dialog-required-note', text: 'Required fields are marked with an asterisk *' }),
      field('cim-project', 'Project', el('input', { id: 'cim-project', type: 'text', readonly: true, value: `${project.name} (${project.key})` })),
      field('cim-issuetype', 'Issue type *', typeSelect),
      field('cim-summary', 'Summary *', summary),
      field('cim-description', 'Description', description),
      field('cim-versions', 'Affects versions', affects),
      field('cim-fixversions', 'Fix versions', fixes),
      field('cim-labels', 'Labels', labels, 'Separate labels with spaces.'),
      error,
    ]),
    el('footer', { class: 'dialog-footer' }, [cancel, create]),
  ]);
  const heading = el('h2', { id: 'cim-title', class: 'dialog-title', text: 'Create issue' });
  const dialog = el('dialog', { class: 'dialog', 'aria-labelledby': 'cim-title', 'data-testid': 'create-issue-dialog' }, [
    el('header', { class: 'dialog-header' }, [heading]),
    form,
  ]) as HTMLDialogElement;
  document.body.appendChild(dialog);

  let closed = false;
  const finish = (created: Array<{ issueId: string }>) => {
    if (closed) return;
    closed = true;
    modalOpen = false;
    dialog.close();
    dialog.remove();
    toFrame(slot, { kind: 'modal-closed', modalId, payload: created });
    slot.frame.focus();
  };
  cancel.addEventListener('click', () => finish([]));
  // Esc: the native dialog fires cancel; closing counts as Cancel.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish([]);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (summary.value.trim() === '') {
      error.hidden = false;
      error.textContent = 'Summary is required.';
      summary.setAttribute('aria-invalid', 'true');
      summary.focus();
      return;
    }
    const fields: Record<string, unknown> = hiddenFields(ctx);
    fields['project'] = { id: String(ctx.projectId || project.id) };
    fields['issuetype'] = { id: typeSelect.value };
    fields['summary'] = summary.value;
    if (description.value === originalText && originalDescription) fields['description'] = originalDescription;
    else if (description.value.trim() !== '') fields['description'] = textToAdf(description.value);
    fields['versions'] = Array.from(affects.selectedOptions, (o) => ({ id: o.value }));
    fields['fixVersions'] = Array.from(fixes.selectedOptions, (o) => ({ id: o.value }));
    fields['labels'] = labels.value.split(/\s+/).filter((l) => l !== '');
    create.disabled = true;
    error.hidden = true;
    jiraJson<{ id: string; key: string }>('/rest/api/3/issue', { method: 'POST', body: JSON.stringify({ fields }) }).then(
      (issue) => {
        finish([{ issueId: String(issue.id) }]);
        showFlag({ id: `created-${issue.id}`, type: 'success', title: `You've created \u201c${issue.key}\u201d issue.`, isAutoDismiss: true });
      },
      (err: Error) => {
        create.disabled = false;
        error.hidden = false;
        error.textContent = `Jira could not create the issue: ${err.message}`;
      },
    );
  });
  dialog.showModal();
  summary.focus();
}
