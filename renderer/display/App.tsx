import { useEffect, useReducer } from 'react';
import type { DisplayApi, DisplayState } from '../../common/contract.ts';
import { ConnectionLost } from '../shared/ConnectionLost.tsx';
import { LanguageContext, useT } from '../shared/language.ts';
import type { Session } from '../shared/session.ts';
import { useConnectionStatus } from '../shared/use-connection.ts';
import { acceptDisplayState, EMPTY_MODEL, type DisplayModel } from './model.ts';
import { CartScene, IdleScene, PreparingScene, QrScene, ResultScene, ReviewScene } from './scenes.tsx';
import { useSceneSound } from './sound/use-scene-sound.ts';

interface Received {
  state: DisplayState;
  source: 'event' | 'snapshot';
  localNow: number;
}

function reduce(model: DisplayModel, received: Received): DisplayModel {
  return acceptDisplayState(model, received.state, received.source, received.localNow);
}

export function DisplayApp({ session }: { session: Session<DisplayApi, DisplayState> }) {
  const { api, connection } = session;
  const [model, receive] = useReducer(reduce, EMPTY_MODEL);
  const status = useConnectionStatus(connection);

  useEffect(() => {
    const offSnapshot = connection.onSnapshot((state) =>
      receive({ state, source: 'snapshot', localNow: Date.now() }),
    );
    const offEvent = api.onDisplay((state) => receive({ state, source: 'event', localNow: Date.now() }));
    return () => {
      offSnapshot();
      offEvent();
    };
  }, [api, connection]);

  const language = model.state?.language ?? 'id';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <LanguageContext value={language}>
      <DisplayScreen model={model} lost={status === 'lost'} />
    </LanguageContext>
  );
}

function DisplayScreen({ model, lost }: { model: DisplayModel; lost: boolean }) {
  const t = useT();
  const { state } = model;
  useSceneSound(state);
  return (
    <main
      className="display"
      data-testid="display"
      data-scene={state?.scene.kind ?? 'loading'}
      data-language={state?.language ?? 'id'}
    >
      {state?.mode === 'training' && (
        <p className="training-banner" data-testid="display-training-banner">
          {t('display.training')}
        </p>
      )}
      {lost && <ConnectionLost />}
      {state === undefined ? <div className="scene" /> : <Scene state={state} offset={model.offset} />}
    </main>
  );
}

function Scene({ state, offset }: { state: DisplayState; offset: number }) {
  const { scene } = state;
  switch (scene.kind) {
    case 'idle':
      return <IdleScene merchantName={state.merchantName} />;
    case 'cart':
      return <CartScene scene={scene} />;
    case 'preparing':
      return <PreparingScene scene={scene} />;
    case 'review':
      return <ReviewScene scene={scene} />;
    case 'qr':
      return <QrScene key={scene.orderId} scene={scene} offset={offset} serverNow={state.serverNow} />;
    case 'paid':
    case 'expired':
    case 'cancelled':
    case 'failed':
      return <ResultScene scene={scene} />;
  }
}
