import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RightKindBadge, RightStatusBadge } from "./Badges.js";
import { useTermText } from "./format.js";
import type { LineageNode } from "./lineage.js";
import type { Right } from "./model.js";
import { useParticipantName } from "./names.js";

interface Props {
  roots: LineageNode<Right>[];
  label: string;
  /** the right the page is about, marked aria-current */
  currentId?: string;
  /** show each right's holder (the whole lineage of a resource spans several holders) */
  showHolder?: boolean;
}

/** The lineage as nested lists: a holding right, the rights derived from it indented below. */
export function RightTree({ roots, label, currentId, showHolder }: Props) {
  return (
    <ul className="right-tree" aria-label={label} data-testid="right-tree">
      {roots.map((node) => (
        <RightTreeNode key={node.right.id} node={node} currentId={currentId} showHolder={showHolder} />
      ))}
    </ul>
  );
}

function RightTreeNode({
  node,
  currentId,
  showHolder,
}: {
  node: LineageNode<Right>;
  currentId: string | undefined;
  showHolder: boolean | undefined;
}) {
  const { t } = useTranslation();
  const term = useTermText();
  const r = node.right;
  const current = r.id === currentId;
  return (
    <li
      className={current ? "right-node right-node-current" : "right-node"}
      data-testid="right-node"
      data-right-id={r.id}
      data-kind={r.kind}
      data-status={r.status}
      data-depth={node.depth}
      aria-current={current ? "true" : undefined}
    >
      <div className="right-node-line">
        <RightKindBadge kind={r.kind} />
        <RightStatusBadge status={r.status} />
        <span className="muted">{t(`rights.basis.${r.basis}`)}</span>
        {showHolder && <HolderName id={r.holderParticipantId} />}
        <span className="muted">{term(r)}</span>
        {current ? (
          <span className="muted">{t("rights.detail.current")}</span>
        ) : (
          <Link to={`/rights/${r.id}`} data-testid="right-node-link">
            {t("rights.mine.details")}
          </Link>
        )}
      </div>
      <p className="right-node-scope">{r.scope}</p>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <RightTreeNode key={child.right.id} node={child} currentId={currentId} showHolder={showHolder} />
          ))}
        </ul>
      )}
    </li>
  );
}

function HolderName({ id }: { id: string }) {
  const name = useParticipantName(id);
  return <span className="right-node-holder">{name ?? id}</span>;
}
