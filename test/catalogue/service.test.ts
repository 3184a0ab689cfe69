import { describe, expect, it } from 'vitest';
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import { CatalogueInputError, CatalogueService } from '../../main/catalogue/catalogue-service.ts';
import { freshStore } from './helpers.ts';

describe('the catalogue service', () => {
  it('tells every listener of each change, with a revision that grows and survives a restart', () => {
    const store = freshStore();
    const first = new CatalogueService(store);
    const heard: CatalogueSnapshot[] = [];
    first.on((snapshot) => heard.push(snapshot));
    const start = first.snapshot().revision;
    first.saveItem({ name: 'Teh Manis', price: 5_000 });
    const category = first.saveCategory('Minuman').categories[0]!;
    first.saveItem({ name: 'Es Jeruk', price: 7_000, categoryId: category.id });
    expect(heard.map((s) => s.revision)).toEqual([start + 1, start + 2, start + 3]);
    expect(
      heard
        .at(-1)
        ?.items.map((i) => i.name)
        .sort(),
    ).toEqual(['Es Jeruk', 'Teh Manis']);

    // A kiosk restarted on the same journal counts on from there, never back from 1.
    const second = new CatalogueService(store);
    expect(second.snapshot().revision).toBe(start + 3);
    second.setActive(heard.at(-1)!.items[0]!.id, false);
    expect(second.snapshot().revision).toBe(start + 4);
  });

  it('refuses a bad item with its problems, tells nobody and changes nothing', () => {
    const service = new CatalogueService(freshStore());
    const heard: unknown[] = [];
    service.on((snapshot) => heard.push(snapshot));
    const before = service.snapshot();
    const refusal = (() => {
      try {
        service.saveItem({ name: '', price: 0 });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(CatalogueInputError);
    expect((refusal as CatalogueInputError).problems.map((p) => p.field).sort()).toEqual(['name', 'price']);
    expect(heard).toEqual([]);
    expect(service.snapshot()).toEqual(before);
  });
});
