import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { ApiTask, TaskStatus } from './api-task.js';

/** A host that counts the updates asked for and runs its controllers' hostUpdate on demand. */
const fakeHost = () => {
  const controllers: ReactiveController[] = [];
  const host = {
    updates: 0,
    addController: (controller: ReactiveController) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
    render: () => {
      for (const controller of controllers) controller.hostUpdate?.();
    },
  };
  return host as typeof host & ReactiveControllerHost;
};

/** A promise and its settlers, to finish a run when the test says so. */
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('ApiTask', () => {
  it('runs before a render when its arguments change, not when they stay the same', async () => {
    const host = fakeHost();
    let id = 'a';
    const seen: string[] = [];
    const task = new ApiTask(host, {
      args: () => [id] as const,
      task: async ([value]) => {
        seen.push(value);
        return value.toUpperCase();
      },
    });
    expect(task.status).toBe(TaskStatus.INITIAL);
    host.render();
    host.render();
    await Promise.resolve();
    expect(task.status).toBe(TaskStatus.COMPLETE);
    expect(task.value).toBe('A');
    id = 'b';
    host.render();
    await Promise.resolve();
    expect(seen).toEqual(['a', 'b']);
    expect(task.value).toBe('B');
  });

  it('aborts a run a newer one replaces, ignores its late answer, and keeps the last value meanwhile', async () => {
    const host = fakeHost();
    const runs: { signal: AbortSignal; answer: ReturnType<typeof deferred<string>> }[] = [];
    const task = new ApiTask(host, {
      args: () => [] as const,
      autoRun: false,
      task: (_, { signal }) => {
        const answer = deferred<string>();
        runs.push({ signal, answer });
        return answer.promise;
      },
    });
    const first = task.run();
    runs[0]?.answer.resolve('first');
    await first;
    const second = task.run();
    expect(task.status).toBe(TaskStatus.PENDING);
    expect(task.value, 'the last value stays while a new run is pending').toBe('first');
    const third = task.run();
    expect(runs[1]?.signal.aborted).toBe(true);
    runs[2]?.answer.resolve('third');
    runs[1]?.answer.resolve('second, too late');
    await Promise.all([second, third]);
    expect(task.value).toBe('third');
    expect(task.status).toBe(TaskStatus.COMPLETE);
  });

  it('fails with the error and no value; a later success clears the error', async () => {
    const host = fakeHost();
    let fail = true;
    const task = new ApiTask(host, {
      args: () => [] as const,
      autoRun: false,
      task: async () => {
        if (fail) throw new Error('offline');
        return 42;
      },
    });
    await task.run();
    expect(task.status).toBe(TaskStatus.ERROR);
    expect((task.error as Error).message).toBe('offline');
    expect(task.value).toBeUndefined();
    fail = false;
    await task.run();
    expect(task.status).toBe(TaskStatus.COMPLETE);
    expect(task.value).toBe(42);
    expect(task.error).toBeUndefined();
    expect(host.updates, 'an update when it starts and when it ends, each run').toBe(4);
  });
});
