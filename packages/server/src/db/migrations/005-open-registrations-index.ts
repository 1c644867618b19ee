/**
 * The registrations of a tree that may still hold a claim, which every submission and approval
 * reads under the tree lock (`treeStateRows`). Without it the planner may combine the root and
 * queue indexes and scan every open registration of the program; PGlite, which never analyzes
 * its tables by itself, did so on every submission.
 */
export const openRegistrationsIndexSchema = /* sql */ `
create index registrations_open_root on registrations (root_id)
  where status in ('submitted', 'approved');`;
