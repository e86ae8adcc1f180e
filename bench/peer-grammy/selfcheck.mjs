// Self-check: a minimal fake Bot API on loopback, the bot as a child process, 3 members driven concurrently through
// the 9 steps, then a 4th member whose conversation is interrupted by a SIGTERM + restart halfway.
// Prints OK and exits 0 when everything holds.
import http from "node:http";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { TOPICS, COUNTIES, T } from "./texts.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const TOKEN = "123456:selfcheck-token";
const BOT_USER = { id: 123456, is_bot: true, first_name: "Peer", username: "peer_grammy_bot" };
const REPLY_TIMEOUT_MS = Number(process.env.SELFCHECK_REPLY_TIMEOUT_MS ?? 10_000);

// ---------------------------------------------------------------------------------------------------------------
// Fake Bot API

const calls = new Map(); // method -> count
const unknownMethods = [];
const callbackAnswers = new Set(); // callback_query ids answered
let pending = []; // updates not yet confirmed by offset
let nextUpdateId = 1000;
let nextMessageId = 1;
let pollWaiters = [];
const chats = new Map(); // chat id -> { messages: [], waiters: [] }

function chatBox(id) {
    let box = chats.get(id);
    if (!box) chats.set(id, (box = { messages: [], waiters: [], received: 0 }));
    return box;
}

const deliveries = new Map(); // update id -> how often getUpdates returned it

function pushUpdate(update) {
    update.update_id ??= nextUpdateId++;
    pending.push(update);
    pending.sort((a, b) => a.update_id - b.update_id);
    const waiters = pollWaiters;
    pollWaiters = [];
    waiters.forEach((w) => w());
    return update;
}

function takeUpdates(offset, limit) {
    pending = pending.filter((u) => u.update_id >= offset);
    return pending.slice(0, limit);
}

async function handle(method, params, res) {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    switch (method) {
        case "getMe":
            return { ok: true, result: BOT_USER };
        case "deleteWebhook":
            return { ok: true, result: true };
        case "getUpdates": {
            const offset = Number(params.offset ?? 0);
            const limit = Math.min(Math.max(Number(params.limit ?? 100), 1), 100);
            const timeout = Math.min(Number(params.timeout ?? 0), 50);
            let updates = takeUpdates(offset, limit);
            if (updates.length === 0 && timeout > 0) {
                await new Promise((resolve) => {
                    const timer = setTimeout(resolve, timeout * 1000);
                    const wake = () => { clearTimeout(timer); resolve(); };
                    pollWaiters.push(wake);
                    res.on("close", wake); // the client gave up (e.g. the runner stopped)
                });
                updates = takeUpdates(offset, limit);
            }
            for (const u of updates) deliveries.set(u.update_id, (deliveries.get(u.update_id) ?? 0) + 1);
            return { ok: true, result: updates };
        }
        case "sendMessage": {
            const chatId = Number(params.chat_id);
            const message = {
                message_id: nextMessageId++,
                from: BOT_USER,
                chat: { id: chatId, type: "private", first_name: `Member ${chatId}` },
                date: Math.floor(Date.now() / 1000),
                text: params.text,
                ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
            };
            const box = chatBox(chatId);
            box.received++;
            const waiter = box.waiters.shift();
            if (waiter) waiter(message);
            else box.messages.push(message);
            return { ok: true, result: message };
        }
        case "answerCallbackQuery":
            callbackAnswers.add(String(params.callback_query_id));
            return { ok: true, result: true };
        default:
            unknownMethods.push(method);
            return { ok: false, error_code: 404, description: "Not Found: method not found" };
    }
}

const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
        const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url, "http://x").pathname);
        let reply;
        if (req.method !== "POST" || !m) reply = { ok: false, error_code: 404, description: "Not Found" };
        else if (m[1] !== TOKEN) reply = { ok: false, error_code: 401, description: "Unauthorized" };
        else {
            let params = {};
            if (body && (req.headers["content-type"] ?? "").includes("json")) params = JSON.parse(body);
            else if (body) params = Object.fromEntries(new URLSearchParams(body));
            reply = await handle(m[2], params, res);
        }
        if (res.destroyed) return;
        res.writeHead(reply.ok ? 200 : reply.error_code, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
    });
});
// Keep idle connections longer than the client does (Node's agent drops idle sockets after 5 s), as Kestrel does
// (130 s): with Node's default 5 s on both sides, a reused socket can be reset under load (a fake's artifact).
server.keepAliveTimeout = 130_000;
server.headersTimeout = 131_000;
await new Promise((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, resolve));
const API_ROOT = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------------------------------------------------------
// Bot process

const workDir = mkdtempSync(join(tmpdir(), "peer-grammy-selfcheck-"));
const DB_PATH = join(workDir, "bot.db");
let bot;

function startBot() {
    // SELFCHECK_BOT_NODE_ARGS: extra node flags for the bot process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    const nodeArgs = (process.env.SELFCHECK_BOT_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, join(HERE, "bot.mjs")], {
        cwd: HERE,
        env: { ...process.env, BOT_TOKEN: TOKEN, API_ROOT, DB_PATH },
        stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => process.stderr.write(`[bot] ${d}`));
    const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    const ready = new Promise((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8");
        child.stdout.on("data", (d) => {
            out += d;
            if (out.split("\n").includes("ready")) resolve();
        });
        exited.then((e) => reject(new Error(`bot exited before ready: ${JSON.stringify(e)}`)));
        setTimeout(() => reject(new Error("bot not ready in 20 s")), 20_000).unref();
    });
    return { child, exited, ready };
}

async function stopBot(b) {
    b.child.kill("SIGTERM");
    const e = await Promise.race([b.exited, new Promise((r) => setTimeout(() => r("timeout"), 15_000))]);
    assert.notEqual(e, "timeout", "bot did not exit within 15 s of SIGTERM");
    assert.deepEqual(e, { code: 0, signal: null }, "bot must exit 0 on SIGTERM");
}

// ---------------------------------------------------------------------------------------------------------------
// Driver

function nextReply(chatId) {
    const box = chatBox(chatId);
    if (box.messages.length > 0) return Promise.resolve(box.messages.shift());
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply to chat ${chatId} in ${REPLY_TIMEOUT_MS} ms`)),
            REPLY_TIMEOUT_MS);
        box.waiters.push((m) => { clearTimeout(timer); resolve(m); });
    });
}

const buttons = (message) => (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
const suffix = (data) => data.split(":").at(-1);
function buttonEnding(message, end) {
    const data = buttons(message).find((d) => suffix(d) === end);
    assert.ok(data, `no button ending in ":${end}" in ${JSON.stringify(message.reply_markup)}`);
    return data;
}

class Member {
    constructor(id) {
        this.id = id;
        this.user = { id, is_bot: false, first_name: `Member ${id}` };
        this.chat = { id, type: "private", first_name: `Member ${id}` };
        this.last = null;
        this.callbackIds = [];
    }
    async text(text) {
        const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0].length }] : undefined;
        this.lastUpdate = pushUpdate({
            message: {
                message_id: nextMessageId++, from: this.user, chat: this.chat,
                date: Math.floor(Date.now() / 1000), text, ...(entities ? { entities } : {}),
            },
        });
        return (this.last = await nextReply(this.id));
    }
    async press(end) {
        const data = buttonEnding(this.last, end);
        const id = `cq-${this.id}-${this.callbackIds.length}`;
        this.callbackIds.push(id);
        this.lastUpdate = pushUpdate({
            callback_query: { id, from: this.user, message: this.last, chat_instance: `ci-${this.id}`, data },
        });
        return (this.last = await nextReply(this.id));
    }
}

const DESCRIPTION = "آب آشامیدنی محله از دیروز قطع است";
const PLACE = "خیابان امیرکبیر، کوچه ۱۲";

async function stepsOneToFour(m, { tooShortFirst = false } = {}) {
    let r = await m.text("/report");
    assert.equal(buttons(r).length, 10, "10 topic buttons");
    for (let i = 0; i < 10; i++) buttonEnding(r, String(i));

    r = await m.press("4");
    assert.match(r.text, new RegExp(TOPICS[4]));

    if (tooShortFirst) {
        r = await m.text("آب قطع");
        assert.match(r.text, /کوتاه/, "a two-word description is refused");
        assert.equal(buttons(r).length, 0);
    }
    r = await m.text(DESCRIPTION);
    buttonEnding(r, "done");

    r = await m.press("done");
    for (let i = 0; i < 5; i++) buttonEnding(r, String(i));
}

async function stepsFiveToNine(m) {
    let r = await m.press("0");
    assert.match(r.text, /محل/);

    r = await m.text(PLACE);
    assert.equal(r.text, T.placeNoted, "the place is acknowledged first");
    assert.ok(r.reply_markup?.remove_keyboard, "the place's reply keyboard removed");
    r = m.last = await nextReply(m.id);
    buttonEnding(r, "skip");

    r = await m.press("skip");
    buttonEnding(r, "named");
    buttonEnding(r, "anonymous");

    r = await m.press("named");
    buttonEnding(r, "submit");
    for (const part of [TOPICS[4], DESCRIPTION, COUNTIES[0], PLACE]) assert.ok(r.text.includes(part), `preview has ${part}`);

    r = await m.press("submit");
    assert.equal(r.text, T.thanks, "thanked first");
    assert.ok(r.reply_markup?.keyboard, "with the menu's reply keyboard");
    r = m.last = await nextReply(m.id);
    const code = /RJ-\d+/.exec(r.text)?.[0];
    assert.ok(code, `tracking code in ${r.text}`);
    return code;
}

async function settle() {
    await new Promise((r) => setTimeout(r, 300)); // let any stray extra reply arrive
}

let ok = false;
try {
    bot = startBot();
    await bot.ready;
    const startCalls = [...calls.keys()];

    // Phase 1: three members concurrently, 9 steps each (member 1 also sends a too-short description once).
    // SELFCHECK_MEMBERS raises the number of concurrent members (default 3) for a quick smoke test under load.
    const count = Number(process.env.SELFCHECK_MEMBERS ?? 3);
    const members = Array.from({ length: count }, (_, i) => new Member(101 + i));
    const started = Date.now();
    const codes = await Promise.all(members.map(async (m, i) => {
        await stepsOneToFour(m, { tooShortFirst: i === 0 });
        return stepsFiveToNine(m);
    }));
    const elapsed = Date.now() - started;
    await settle();
    assert.equal(new Set(codes).size, count, `distinct tracking codes: ${codes}`);
    members.forEach((m, i) => {
        // One sendMessage per step, the place's acknowledgement and the thanks before the code besides.
        assert.equal(chatBox(m.id).received, i === 0 ? 12 : 11, `exactly one sendMessage per step for chat ${m.id}`);
        for (const id of m.callbackIds) assert.ok(callbackAnswers.has(id), `callback ${id} answered`);
    });
    {
        const db = new Database(DB_PATH, { readonly: true });
        assert.equal(db.prepare("SELECT count(*) FROM reports").pluck().get(), count, `${count} reports stored`);
        const rows = db.prepare("SELECT * FROM reports ORDER BY id").all();
        for (const row of rows) {
            assert.equal(row.topic, TOPICS[4]);
            assert.equal(row.county, COUNTIES[0]);
            assert.equal(row.solution, null);
            assert.equal(row.anonymous, 0);
        }
        assert.deepEqual(rows.map((r) => r.tracking_code).sort(), [...codes].sort());
        assert.equal(db.prepare("SELECT count(*) FROM kv").pluck().get(), 0, "finished conversations leave no state");
        assert.equal(db.prepare("SELECT count(*) FROM processed_updates").pluck().get(), nextUpdateId - 1000,
            "every update marked processed");
        db.close();
    }

    // Phase 2: a conversation interrupted by SIGTERM after step 4 resumes after a restart.
    const m4 = new Member(99999);
    await stepsOneToFour(m4);
    await stopBot(bot);
    {
        const db = new Database(DB_PATH, { readonly: true });
        const row = db.prepare("SELECT key, value FROM kv").get();
        assert.equal(row?.key, "conv:99999", "mid-conversation state stored under the chat id");
        const value = JSON.parse(row.value);
        assert.ok(Array.isArray(value.version) && value.state?.report, "versioned conversations state for 'report'");
        if (process.env.SELFCHECK_DUMP_STATE) console.log(row.value);
        console.log(`kv row ${row.key}: ${row.value.length} bytes, version ${JSON.stringify(value.version)}, ` +
            `top-level state keys ${JSON.stringify(Object.keys(value.state))}`);
        db.close();
    }
    // Redeliver the last update the bot already handled (as Telegram does when the offset was not confirmed before
    // a crash): the restarted bot must skip it (processed_updates), sending nothing.
    const duplicate = structuredClone(m4.lastUpdate);
    pushUpdate(duplicate);
    bot = startBot();
    await bot.ready;
    const code4 = await stepsFiveToNine(m4);
    await settle();
    assert.ok(!codes.includes(code4));
    assert.equal(calls.get("answerCallbackQuery"), 6 * (count + 1), "one answerCallbackQuery per button press, none for the duplicate");
    assert.equal(chatBox(99999).received, 11, "the redelivered update got no second reply");
    assert.equal(deliveries.get(duplicate.update_id), 2, "the duplicate was delivered again");
    {
        const db = new Database(DB_PATH, { readonly: true });
        assert.equal(db.prepare("SELECT count(*) FROM reports").pluck().get(), count + 1);
        assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
        db.close();
    }
    await stopBot(bot);

    assert.deepEqual(unknownMethods, [], "no unsupported method called");
    console.log(`methods before ready: ${startCalls.join(", ") || "(none)"}`);
    console.log(`methods called: ${JSON.stringify(Object.fromEntries(calls))}`);
    console.log(`${count} members x 9 steps in ${elapsed} ms; tracking codes: ${[...codes.slice(0, 5), code4].join(", ")}${count > 5 ? ", …" : ""}`);
    ok = true;
} catch (err) {
    console.error("FAILED:", err);
} finally {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
    server.closeAllConnections?.();
    server.close();
    rmSync(workDir, { recursive: true, force: true });
}
if (ok) console.log("OK");
process.exit(ok ? 0 : 1);
