// The shape of every action: a menu item (run by the menu door) or a trigger (run by the trigger door), both in src/ui/runner.ts.
import type { ActionContext, Summary } from './context';

/** A menu action: `input` is what the menu asked the user first (a pasted link), or nothing. */
export interface MenuAction<I = void> {
  title: string;
  /**
   * Protected sheets it writes: a user who cannot edit one of them is refused before any write.
   * Actions that decide this themselves (which sheets depends on what they find) leave it out.
   */
  writes?: string[];
  /** false for the log viewer itself: no "Nhật ký" line. */
  audit?: boolean;
  /**
   * false: the menu door runs it without the document lock. For an action that only reads, or that waits on
   * Facebook and may stop to ask the organizer: holding the lock meanwhile would make submissions wait.
   */
  lock?: boolean;
  /** false: it says itself whether an input changed since the results were finalised (the door adds no notice). */
  finalNotice?: boolean;
  run(ctx: ActionContext, input: I): Summary;
}

/** A trigger: no user to show anything to; a summary (or null when there is nothing to say) goes to "Nhật ký". */
export interface TriggerAction<E> {
  title: string;
  run(ctx: ActionContext, event: E): Summary | null;
}

/** A summary with only lines. */
export function summaryOf(title: string, lines: string[], warnings: string[] = []): Summary {
  return { title, lines, warnings };
}
