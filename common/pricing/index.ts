/** Pricing for the till: pure, no Node import, so the screens run the very same code as main. */
export { priceCart } from './price-cart.ts';
export { buildItemDetails, ITEM_DETAILS_BUDGET_BYTES } from './item-details.ts';
export type { ItemDetail, ItemDetailsOptions } from './item-details.ts';
export { cashChange, splitTender } from './tender.ts';
export { cartProblems, discountProblems, settingsProblems, MAX_UNIT_PRICE } from './validate.ts';
export { fitName, lineItemId, nameProblem, normaliseName } from './item-text.ts';
export type { NameProblem, NameProblemCode } from './item-text.ts';
export type { Checked, PricingProblem, PricingProblemCode } from './problems.ts';
export * from './types.ts';
export { discountsOverLimit } from './approval.ts';
export type { DiscountApproval, DiscountOverLimit } from './approval.ts';
