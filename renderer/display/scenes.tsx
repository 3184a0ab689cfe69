import { useEffect, useRef, useState } from 'react';
import type { DisplayScene } from '../../common/contract.ts';
import type { SaleItem } from '../../common/order.ts';
import { formatCountdown, remainingMs } from '../shared/clock.ts';
import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';
import { useNow } from '../shared/use-now.ts';
import { Bill } from './Bill.tsx';
import { isInlineImage, visibleItems } from './model.ts';
import { markWhenPainted } from './qr-paint.ts';

/** More lines than this would push the amount off a 480-pixel-high screen. */
const MAX_ITEM_LINES = 5;
/** Beside the QR the bill shares a narrow column with the amount, hint and countdown. */
const MAX_QR_BILL_LINES = 3;

type SceneOf<K extends DisplayScene['kind']> = Extract<DisplayScene, { kind: K }>;

function Amount({ amount, label }: { amount: number; label?: string | undefined }) {
  const t = useT();
  return (
    <div className="amount-block">
      <p className="amount-label">{label ?? t('display.total')}</p>
      <p className="display-amount" data-testid="display-amount">
        {formatRupiah(amount)}
      </p>
    </div>
  );
}

function Items({ items }: { items: readonly SaleItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  const { shown, more } = visibleItems(items, MAX_ITEM_LINES);
  return (
    <ul className="display-items" data-testid="display-items">
      {shown.map((item) => (
        <li key={item.id}>
          <span className="item-name">
            {item.quantity} × {item.name}
          </span>
          <span className="item-total">{formatRupiah(item.price * item.quantity)}</span>
        </li>
      ))}
      {more > 0 && <li className="item-more">{t('display.moreItems', { count: more })}</li>}
    </ul>
  );
}

export function IdleScene({ merchantName }: { merchantName: string }) {
  const t = useT();
  return (
    <div className="scene scene-idle">
      <p className="welcome">{t('display.welcome')}</p>
      <p className="display-merchant" data-testid="display-merchant">
        {merchantName}
      </p>
    </div>
  );
}

export function CartScene({ scene }: { scene: SceneOf<'cart'> }) {
  if (scene.bill !== undefined) {
    return (
      <div className="scene scene-cart scene-billed">
        <Bill bill={scene.bill} maxLines={MAX_ITEM_LINES} />
        <Amount amount={scene.amount} />
      </div>
    );
  }
  return (
    <div className="scene scene-cart">
      <Amount amount={scene.amount} />
      <Items items={scene.items} />
    </div>
  );
}

export function PreparingScene({ scene }: { scene: SceneOf<'preparing'> }) {
  const t = useT();
  return (
    <div className="scene scene-preparing">
      <Amount amount={scene.amount} />
      <p className="preparing" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('display.preparing')}
      </p>
    </div>
  );
}

/** Paid at the customer's end, but held by the gateway: the customer waits for the cashier. */
export function ReviewScene({ scene }: { scene: SceneOf<'review'> }) {
  const t = useT();
  return (
    <div className="scene scene-preparing">
      <Amount amount={scene.amount} />
      <p className="preparing" role="status" data-testid="display-review">
        <span className="spinner" aria-hidden="true" />
        {t('display.review')}
      </p>
      <p className="result-hint">{t('display.askCashier')}</p>
    </div>
  );
}

/** Mount with `key={scene.orderId}`. */
interface QrSceneProps {
  scene: SceneOf<'qr'>;
  offset: number;
  serverNow: number;
}

export function QrScene({ scene, offset, serverNow }: QrSceneProps) {
  const t = useT();
  const now = useNow(true);
  const imageRef = useRef<HTMLImageElement>(null);
  const { orderId } = scene;
  const image = isInlineImage(scene.qr.image) ? scene.qr.image : undefined;
  // The scene is mounted once per order (keyed by orderId), so this is the serverNow of the
  // state that brought the QR, not of a later state that merely repeated it.
  const [painted] = useState(() => ({ orderId, serverNow }));

  useEffect(() => {
    const element = imageRef.current;
    if (element === null || image === undefined) return undefined;
    return markWhenPainted(element, painted);
  }, [painted, image]);

  return (
    <div className="scene scene-qr">
      <div className="qr-frame">
        {image === undefined ? (
          <p className="qr-missing">{t('display.qrUnavailable')}</p>
        ) : (
          <img
            ref={imageRef}
            className="qr-image"
            data-testid="display-qr"
            src={image}
            alt={t('display.qrAlt')}
            draggable={false}
          />
        )}
      </div>
      <div className="qr-info">
        <Amount
          amount={scene.amount}
          label={scene.bill !== undefined && scene.bill.cashPaid > 0 ? t('display.restByQr') : undefined}
        />
        <p className="scan-hint" data-testid="display-scan-hint">
          {t('display.scanHint')}
        </p>
        <p className="countdown-line">
          <span className="countdown-label">{t('display.timeLeft')} </span>
          <span className="display-countdown" data-testid="display-countdown">
            {formatCountdown(remainingMs(scene.expiresAt, offset, now))}
          </span>
        </p>
        {scene.bill !== undefined && <Bill bill={scene.bill} maxLines={MAX_QR_BILL_LINES} />}
      </div>
    </div>
  );
}

const RESULT_KEYS = {
  paid: 'display.paid',
  expired: 'display.expired',
  cancelled: 'display.cancelled',
  failed: 'display.failed',
} as const;

export function ResultScene({ scene }: { scene: SceneOf<'paid' | 'expired' | 'cancelled' | 'failed'> }) {
  const t = useT();
  return (
    <div className="scene scene-result">
      <ResultIcon kind={scene.kind} />
      <p className="display-result" data-testid="display-result" role="status">
        {t(RESULT_KEYS[scene.kind])}
      </p>
      <p className="result-amount">{formatRupiah(scene.amount)}</p>
      {scene.kind === 'paid' && scene.change !== undefined && scene.change > 0 && (
        <p className="result-change">
          <span>{t('display.change')} </span>
          <span className="display-change" data-testid="display-change">
            {formatRupiah(scene.change)}
          </span>
        </p>
      )}
      {scene.kind !== 'paid' && <p className="result-hint">{t('display.askCashier')}</p>}
    </div>
  );
}

function ResultIcon({ kind }: { kind: keyof typeof RESULT_KEYS }) {
  return (
    <svg className="result-icon" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" className="result-icon-disc" />
      {kind === 'paid' && <path d="M27 52 L43 68 L74 35" className="result-icon-mark" />}
      {kind === 'failed' && <path d="M33 33 L67 67 M67 33 L33 67" className="result-icon-mark" />}
      {(kind === 'expired' || kind === 'cancelled') && (
        <path d="M30 50 L70 50" className="result-icon-mark" />
      )}
    </svg>
  );
}
