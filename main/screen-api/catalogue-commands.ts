/**
 * The catalogue editor's commands: each needs the manager's unlocked session (and counts as its
 * activity), like every settings command; refusals carry bilingual problems by field or CSV line.
 */
import type { CatalogueService } from '../catalogue/catalogue-service.ts';
import type { CatalogueManagerHandlers } from './commands.ts';
import { CommandRefusal, contractError } from './errors.ts';

export function catalogueManagerHandlers(
  catalogue: CatalogueService,
  unlocked: () => boolean,
): CatalogueManagerHandlers {
  const guarded =
    <P, R>(run: (payload: P) => R) =>
    (payload: P): R => {
      if (!unlocked()) throw new CommandRefusal(contractError('manager-locked'));
      return run(payload);
    };
  return {
    'catalogue.saveItem': guarded(({ id, item }) => catalogue.saveItem(item, id)),
    'catalogue.setActive': guarded(({ id, active }) => catalogue.setActive(id, active)),
    'catalogue.reorderItems': guarded(({ categoryId, ids }) => catalogue.reorderItems(categoryId, ids)),
    'catalogue.saveCategory': guarded(({ id, name }) => catalogue.saveCategory(name, id)),
    'catalogue.reorderCategories': guarded(({ ids }) => catalogue.reorderCategories(ids)),
    'catalogue.import': guarded(({ csv }) => catalogue.importCsv(csv)),
    'catalogue.export': guarded(() => catalogue.exportCsv()),
  };
}
