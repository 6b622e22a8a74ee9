import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

// Loaded with the virtualizer, once a list is long (see virtualizer.ts).

type LayoutSink = ConstructorParameters<typeof FlowLayout>[0];
type LayoutMessage = Parameters<LayoutSink>[0];
type StateMessage = Extract<LayoutMessage, { type: 'stateChanged' }>;

/** Rows rendered beyond each edge of the visible ones. */
export const ROWS_AROUND = 8;
/** The range moves once fewer rows than this are left beyond a visible edge. */
const ROWS_AROUND_MIN = 4;

/**
 * Keeps the rows the virtualizer renders to the visible ones and ROWS_AROUND
 * on either side. The flow layout picks its range with a fixed 1,000 px
 * overhang each side that no public option changes: for the default 30rem tree
 * that is 47 rows where 23 are enough. A filter keystroke at 10,000 documents
 * (bench scenario 5, CPU 4x slower) made 41 of them anew and placed all 47 in
 * the frame after the key: 152 ms median to rows painted, longest frame 91 ms;
 * with the rows narrowed, 107 ms and 62 ms side by side on the same (loaded)
 * machine (bench/README.md). The layout still
 * measures and places its whole range; only the messages it sends the
 * virtualizer through the sink it is constructed with (a layout's public
 * protocol) are narrowed: a state change to the rows around the visible ones,
 * and a visibility change that leaves fewer than ROWS_AROUND_MIN rows beyond
 * an edge is preceded by the last state narrowed around the new visible rows.
 */
export function nearVisible(sink: LayoutSink): LayoutSink {
  let last: StateMessage | undefined;
  let shown = { first: -1, last: -1 };
  const narrowed = (state: StateMessage, firstVisible: number, lastVisible: number): StateMessage => {
    const { range } = state;
    const first = Math.max(range.first, firstVisible - ROWS_AROUND);
    const end = Math.min(range.last, lastVisible + ROWS_AROUND);
    const childPositions: StateMessage['childPositions'] = new Map();
    for (let index = first; index <= end; index++) {
      const position = state.childPositions.get(index);
      if (position) childPositions.set(index, position);
    }
    shown = { first, last: end };
    return { ...state, range: { first, last: end, firstVisible, lastVisible }, childPositions };
  };
  return (message) => {
    if (message.type === 'stateChanged') {
      const { range } = message;
      last = range.first < 0 || range.lastVisible < range.firstVisible ? undefined : message;
      sink(last ? narrowed(message, range.firstVisible, range.lastVisible) : message);
      return;
    }
    if (message.type === 'visibilityChanged' && last) {
      const { firstVisible, lastVisible } = message;
      const { range } = last;
      const short =
        (firstVisible - shown.first < ROWS_AROUND_MIN && shown.first > range.first) ||
        (shown.last - lastVisible < ROWS_AROUND_MIN && shown.last < range.last);
      if (short && firstVisible >= range.first && lastVisible <= range.last) {
        // The positions are the layout's last ones; a scroll error was corrected with them.
        const { scrollError: _corrected, ...state } = last;
        sink(narrowed(state, firstVisible, lastVisible));
      }
    }
    sink(message);
  };
}

/** The flow layout, telling the virtualizer about the rows near the visible ones only (see nearVisible). */
export class NearVisibleFlowLayout extends FlowLayout {
  constructor(sink: LayoutSink, config?: ConstructorParameters<typeof FlowLayout>[1]) {
    super(nearVisible(sink), config);
  }
}
