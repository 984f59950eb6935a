export { type Snapshot, snapshotSchema } from '../../src/model/snapshot.js';
