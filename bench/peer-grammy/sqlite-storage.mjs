// A small grammY storage adapter over better-sqlite3: one table of key -> JSON value, one upsert per write.
//
// It has the shape of grammY's `StorageAdapter<T>` (read/write/delete by key), so it can back `session()` as well
// as the conversations plugin. The optional `updateId` argument of write/delete marks that update as processed
// (table processed_updates) in the SAME transaction as the state change, which is how our C# bot guards against
// handling a redelivered update twice.
import Database from "better-sqlite3";

export function openDatabase(path) {
    const db = new Database(path);
    // Match the C# bot: WAL journal, and synchronous=FULL so a commit is on disk (fsync of the WAL) when it returns.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 30000");
    db.exec(`
        CREATE TABLE IF NOT EXISTS kv (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS processed_updates (
            update_id INTEGER PRIMARY KEY
        );
        CREATE TABLE IF NOT EXISTS reports (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            chat_id       INTEGER NOT NULL,
            topic         TEXT    NOT NULL,
            description   TEXT    NOT NULL,
            attachments   INTEGER NOT NULL DEFAULT 0,
            county        TEXT    NOT NULL,
            place         TEXT    NOT NULL,
            solution      TEXT,
            anonymous     INTEGER NOT NULL,
            tracking_code TEXT    UNIQUE,
            created_at    TEXT    NOT NULL
        );
    `);
    return db;
}

export class SqliteAdapter {
    constructor(db) {
        this.db = db;
        /** Transactions committed through this adapter (each one is an fsync with synchronous=FULL). */
        this.commits = 0;
        const readStmt = db.prepare("SELECT value FROM kv WHERE key = ?");
        const upsertStmt = db.prepare(
            "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        const deleteStmt = db.prepare("DELETE FROM kv WHERE key = ?");
        const markStmt = db.prepare("INSERT OR IGNORE INTO processed_updates (update_id) VALUES (?)");
        const isMarkedStmt = db.prepare("SELECT 1 FROM processed_updates WHERE update_id = ?").pluck();
        this._read = (key) => readStmt.get(key);
        this._write = db.transaction((key, json, updateId) => {
            upsertStmt.run(key, json);
            if (updateId !== undefined) markStmt.run(updateId);
        });
        this._delete = db.transaction((key, updateId) => {
            deleteStmt.run(key);
            if (updateId !== undefined) markStmt.run(updateId);
        });
        this._mark = (updateId) => markStmt.run(updateId);
        this._isMarked = (updateId) => isMarkedStmt.get(updateId) === 1;
    }

    read(key) {
        const row = this._read(key);
        return row === undefined ? undefined : JSON.parse(row.value);
    }

    write(key, value, updateId) {
        this._write(key, JSON.stringify(value), updateId);
        this.commits++;
    }

    delete(key, updateId) {
        this._delete(key, updateId);
        this.commits++;
    }

    /** Marks an update processed on its own (for updates that changed no stored state). */
    markProcessed(updateId) {
        this._mark(updateId);
        this.commits++;
    }

    isProcessed(updateId) {
        return this._isMarked(updateId);
    }
}

/**
 * The conversations plugin's `{ type: "context" }` storage over the adapter: the key is the chat id (the plugin's
 * default), and every write/delete also marks ctx.update.update_id processed in the same transaction.
 * `onCommitted(ctx)` is told after each such commit so the caller knows the update was marked.
 */
export function conversationStorage(adapter, { version, prefix = "conv:", onCommitted } = {}) {
    const keyOf = (ctx) => prefix + ctx.chatId;
    return {
        type: "context",
        version,
        adapter: {
            read: (ctx) => (ctx.chatId === undefined ? undefined : adapter.read(keyOf(ctx))),
            write: (ctx, state) => {
                if (ctx.chatId === undefined) return;
                adapter.write(keyOf(ctx), state, ctx.update.update_id);
                onCommitted?.(ctx);
            },
            delete: (ctx) => {
                if (ctx.chatId === undefined) return;
                adapter.delete(keyOf(ctx), ctx.update.update_id);
                onCommitted?.(ctx);
            },
        },
    };
}
