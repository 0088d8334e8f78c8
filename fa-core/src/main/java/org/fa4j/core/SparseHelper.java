package org.fa4j.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One shared daemon thread that runs the upper column range of a sparse layer-0 kernel while the caller runs the lower
 * one. Each output element is computed by exactly one thread in the same order as single-threaded, so results do not
 * depend on whether the helper was used. Allocation-free per use; if another trainer holds the helper, the caller simply
 * does all the work itself.
 */
final class SparseHelper {
    static final SparseHelper SHARED = new SparseHelper();

    private static final int IDLE = 0;
    private static final int WORK = 1;
    private static final int DONE = 2;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile int state = IDLE;
    private volatile Thread caller;
    private Thread helper;
    // the job, published by the volatile write of state
    private Workspace ws;
    private Model model;
    private boolean vector;
    private boolean update;
    private float eta;
    private int from;
    private int to;
    private Throwable failure;

    private SparseHelper() {
    }

    /** Runs {@code [from, to)} on the helper and {@code [0, from)} on the caller; false (nothing run) if the helper is busy. */
    boolean split(Workspace ws, Model model, boolean vector, boolean update, float eta, int from, int to) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            ensureStarted();
            this.ws = ws;
            this.model = model;
            this.vector = vector;
            this.update = update;
            this.eta = eta;
            this.from = from;
            this.to = to;
            this.failure = null;
            this.caller = Thread.currentThread();
            state = WORK;
            LockSupport.unpark(helper);
            ws.sparseRange(model, vector, update, eta, 0, from);
            while (state != DONE) {
                LockSupport.park(this);
            }
            state = IDLE;
            this.ws = null;
            this.model = null;
            if (failure != null) {
                throw new IllegalStateException("sparse kernel failed on the helper thread", failure);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    private synchronized void ensureStarted() {
        if (helper == null) {
            helper = Thread.ofPlatform().daemon().name("fa4j-core-sparse").start(this::loop);
        }
    }

    private void loop() {
        while (true) {
            while (state != WORK) {
                LockSupport.park(this);
            }
            try {
                ws.sparseRange(model, vector, update, eta, from, to);
            } catch (Throwable t) {
                failure = t;
            }
            state = DONE;
            LockSupport.unpark(caller);
        }
    }
}
