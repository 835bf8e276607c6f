/** A small typed event emitter (no dependency; works in browsers, React Native and Node). */
export class Emitter<TEvents extends Record<string, (...args: never[]) => void>> {
  private listeners = new Map<keyof TEvents, Set<TEvents[keyof TEvents]>>();

  on<K extends keyof TEvents>(event: K, listener: TEvents[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof TEvents>(event: K, listener: TEvents[K]): void {
    this.listeners.get(event)?.delete(listener);
  }

  protected emit<K extends keyof TEvents>(event: K, ...args: Parameters<TEvents[K]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...a: Parameters<TEvents[K]>) => void)(...args);
      } catch (error) {
        // A listener's bug must not break delivery to the others, nor the client's own state.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
