/**
 * The evidence log's storage (CT-7). Everything here is append-only: rows are inserted by the
 * sequencer and never updated, except the single state row that records how far it got.
 */
export interface EntryRow {
  idx: number;
  event_id: string;
  /** exactly the bytes that were hashed: the event's canonical JSON (RFC 8785) in UTF-8 */
  entry: Buffer;
  leaf_hash: Buffer;
  sequenced_at: string;
}

/**
 * Hash of the complete subtree covering leaves [idx·2^level, (idx+1)·2^level), for level ≥ 1.
 * Level 0 (the leaf hashes) lives in evidence_entries and is not stored twice.
 */
export interface NodeRow {
  level: number;
  idx: number;
  hash: Buffer;
}

/** Which entries are about which record: the evidence trail of any domain object. */
export interface SubjectRow {
  subject_id: string;
  idx: number;
}

export interface CheckpointRow {
  size: number;
  root_hash: Buffer;
  /** the signed note, exactly as served */
  note: string;
  created_at: string;
}

export interface StateRow {
  id: number;
  size: number;
  cursor_tx: number;
  cursor_seq: number;
}

export interface LogKeyRow {
  origin: string;
  signer_key_sealed: string;
  verifier_key: string;
  created_at: string;
}

export interface EvidenceTables {
  evidence_entries: EntryRow;
  evidence_nodes: NodeRow;
  evidence_subjects: SubjectRow;
  evidence_checkpoints: CheckpointRow;
  evidence_state: StateRow;
  evidence_log_keys: LogKeyRow;
}
