// Benchmark peer: the "report a problem" conversation written with grammY, the way grammY's docs recommend for
// load: @grammyjs/runner (concurrent long polling) + sequentialize per chat + @grammyjs/conversations (v2) whose
// state is persisted through a SQLite storage adapter (WAL, synchronous=FULL).
//
// Env: BOT_TOKEN, API_ROOT (e.g. http://127.0.0.1:34567), DB_PATH; optional POLL_TIMEOUT (getUpdates long-poll
// seconds, default 1). Prints "ready" once bot.init() has finished and the runner has started.
import { Bot, InlineKeyboard, Keyboard } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { openDatabase, SqliteAdapter, conversationStorage } from "./sqlite-storage.mjs";
import { TOPICS, COUNTIES, T } from "./texts.mjs";

function requireEnv(name) {
    const value = process.env[name];
    if (!value) {
        console.error(`missing environment variable ${name}`);
        process.exit(2);
    }
    return value;
}

const token = requireEnv("BOT_TOKEN");
const apiRoot = requireEnv("API_ROOT").replace(/\/+$/, "");
const dbPath = requireEnv("DB_PATH");
const pollTimeout = Number(process.env.POLL_TIMEOUT ?? 1);

const db = openDatabase(dbPath);
const adapter = new SqliteAdapter(db);

let reportCommits = 0;
let updatesHandled = 0;
const insertReportTx = (() => {
    const insert = db.prepare(`
        INSERT INTO reports (chat_id, topic, description, attachments, county, place, solution, anonymous, created_at)
        VALUES (@chatId, @topic, @description, @attachments, @county, @place, @solution, @anonymous, @createdAt)`);
    const setCode = db.prepare("UPDATE reports SET tracking_code = ? WHERE id = ?");
    const tx = db.transaction((r) => {
        const id = Number(insert.run({ ...r, anonymous: r.anonymous ? 1 : 0 }).lastInsertRowid);
        const code = `RJ-${1000 + id}`;
        setCode.run(code, id);
        return code;
    });
    return (r) => {
        const code = tx(r);
        reportCommits++;
        return code;
    };
})();

// ---------------------------------------------------------------------------------------------------------------
// The conversation. Callback data: "<step>:<value>"; the driver only looks at the last colon-separated segment.

const topicKeyboard = () => {
    const kb = new InlineKeyboard();
    TOPICS.forEach((topic, i) => {
        kb.text(topic, `t:${i}`);
        if (i % 2 === 1) kb.row();
    });
    return kb;
};
const countyKeyboard = () => {
    const kb = new InlineKeyboard();
    COUNTIES.forEach((county, i) => kb.text(county, `c:${i}`).row());
    return kb;
};
// As the bot: the place is asked under a reply keyboard that can share a location, which goes once the place is given
// (in a line of its own: a message carries one keyboard, the next question's is inline); the menu's reply keyboard
// comes back with a line of thanks just before the tracking code, whose own keyboard is inline.
const placeKeyboard = () =>
    new Keyboard().requestLocation(T.sendLocation).row().text(T.back).text(T.cancelButton).resized();
const menuKeyboard = () =>
    new Keyboard().text(T.menuReport).text(T.menuMyReports).row().text(T.menuMeetings).text(T.menuHelp).resized();
const doneKeyboard = () => new InlineKeyboard().text(T.doneButton, "a:done");
const skipKeyboard = () => new InlineKeyboard().text(T.skipButton, "s:skip");
const anonymityKeyboard = () =>
    new InlineKeyboard().text(T.namedButton, "n:named").text(T.anonymousButton, "n:anonymous");
const previewKeyboard = () => new InlineKeyboard().text(T.submitButton, "p:submit").text(T.cancelButton, "p:cancel");

const wordCount = (text) => text.trim().split(/\s+/u).filter(Boolean).length;

/** `otherwise` handler for a step that waits for a button: a stale button is answered, anything else gets a hint. */
const pressHint = (hint) => async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: T.staleButton });
    else await ctx.reply(hint);
};

async function report(conversation, ctx) {
    await ctx.reply(T.askTopic, { reply_markup: topicKeyboard() });

    // 1. topic
    let step = await conversation.waitForCallbackQuery(/^t:(\d+)$/, { otherwise: pressHint(T.pressTopic) })
        .and((c) => Number(c.match[1]) < TOPICS.length, { otherwise: pressHint(T.pressTopic) });
    const topic = TOPICS[Number(step.match[1])];
    await step.answerCallbackQuery();
    await step.reply(T.askDescription(topic));

    // 2. description: text of at least three words
    step = await conversation.waitFor("message:text", { otherwise: pressHint(T.descriptionTooShort) })
        .and((c) => wordCount(c.message.text) >= 3, { otherwise: (c) => c.reply(T.descriptionTooShort) });
    const description = step.message.text.trim();
    await step.reply(T.askAttachments, { reply_markup: doneKeyboard() });

    // 3. attachments (photos / files) until "done"
    let attachments = 0;
    for (;;) {
        step = await conversation.waitFor(["message:photo", "message:document", "callback_query:data"], {
            otherwise: (c) => c.reply(T.attachmentRefused),
        });
        if (step.callbackQuery) {
            if (step.callbackQuery.data === "a:done") break;
            await step.answerCallbackQuery({ text: T.staleButton });
            continue;
        }
        attachments++;
        await step.reply(T.attachmentReceived(attachments), { reply_markup: doneKeyboard() });
    }
    await step.answerCallbackQuery();
    await step.reply(T.askCounty, { reply_markup: countyKeyboard() });

    // 4. county
    step = await conversation.waitForCallbackQuery(/^c:(\d+)$/, { otherwise: pressHint(T.pressCounty) })
        .and((c) => Number(c.match[1]) < COUNTIES.length, { otherwise: pressHint(T.pressCounty) });
    const county = COUNTIES[Number(step.match[1])];
    await step.answerCallbackQuery();
    await step.reply(T.askPlace, { reply_markup: placeKeyboard() });

    // 5. place
    step = await conversation.waitFor("message:text", { otherwise: pressHint(T.askPlace) })
        .and((c) => c.message.text.trim().length >= 2, { otherwise: (c) => c.reply(T.placeTooShort) });
    const place = step.message.text.trim();
    await step.reply(T.placeNoted, { reply_markup: { remove_keyboard: true } });
    await step.reply(T.askSolution, { reply_markup: skipKeyboard() });

    // 6. solution: text, or "skip"
    step = await conversation.waitFor(["message:text", "callback_query:data"], { otherwise: pressHint(T.askSolution) })
        .and((c) => !c.callbackQuery || c.callbackQuery.data === "s:skip", { otherwise: pressHint(T.askSolution) });
    let solution = null;
    if (step.callbackQuery) await step.answerCallbackQuery();
    else solution = step.message.text.trim();
    await step.reply(T.askAnonymity, { reply_markup: anonymityKeyboard() });

    // 7. named or anonymous
    step = await conversation.waitForCallbackQuery(["n:named", "n:anonymous"], { otherwise: pressHint(T.pressButton) });
    const anonymous = step.callbackQuery.data === "n:anonymous";
    await step.answerCallbackQuery();
    const draft = { topic, description, attachments, county, place, solution, anonymous };
    await step.reply(T.preview(draft), { reply_markup: previewKeyboard() });

    // 8. submit or cancel
    step = await conversation.waitForCallbackQuery(["p:submit", "p:cancel"], { otherwise: pressHint(T.pressButton) });
    await step.answerCallbackQuery();
    if (step.callbackQuery.data === "p:cancel") {
        await step.reply(T.cancelled);
        return;
    }
    // An external operation: it runs once, and its result (the code) is kept in the replay log.
    const chatId = step.chatId;
    const code = await conversation.external(() =>
        insertReportTx({ ...draft, chatId, createdAt: new Date().toISOString() }));
    await step.reply(T.thanks, { reply_markup: menuKeyboard() });
    await step.reply(T.submitted(code));
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring.

const bot = new Bot(token, { client: { apiRoot } });

// Handle updates of one chat one after another (required with the runner when state is per chat).
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));

// Duplicate protection: skip an update already marked processed; mark it after handling. The conversations
// storage marks it in the same transaction as the conversation state when it writes; otherwise it is marked here.
const MARKED = Symbol("processed update marked");
bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    if (adapter.isProcessed(id)) return;
    updatesHandled++;
    await next();
    if (!ctx[MARKED]) adapter.markProcessed(id);
});

bot.use(conversations({
    storage: conversationStorage(adapter, { version: 1, onCommitted: (ctx) => { ctx[MARKED] = true; } }),
}));

bot.command("cancel", async (ctx) => {
    const active = Object.keys(await ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(active ? T.cancelled : T.nothingToCancel);
});
// /report in the middle of a report starts over: leave the old one, then fall through to the entry below.
bot.command("report", async (ctx, next) => {
    await ctx.conversation.exitAll();
    await next();
});

bot.use(createConversation(report, "report"));

bot.command("report", (ctx) => ctx.conversation.enter("report"));
bot.command("start", (ctx) => ctx.reply(T.start));
bot.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: T.staleButton }));
bot.on("message", (ctx) => ctx.reply(T.start));

bot.catch((err) => {
    console.error(`error while handling update ${err.ctx?.update?.update_id}:`, err.error);
});

// ---------------------------------------------------------------------------------------------------------------
// Start and stop.

// Signal handlers first, so a SIGTERM right after "ready" is already a clean stop.
let runner;
let stopping = false;
async function shutdown() {
    if (stopping) return;
    stopping = true;
    if (runner) {
        // Stop fetching (aborts the pending getUpdates), then let the updates already handed out finish.
        if (runner.isRunning()) await runner.stop();
        const deadline = Date.now() + 10_000;
        while (runner.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    }
    console.error(`stopped: ${updatesHandled} updates handled, ${adapter.commits + reportCommits} SQLite commits ` +
        `(${reportCommits} of them report inserts)`);
    db.close();
    process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

await bot.init(); // getMe (grammY's runner calls no deleteWebhook; bot.start() would)
if (!stopping) {
    runner = run(bot, {
        runner: { fetch: { timeout: pollTimeout, allowed_updates: ["message", "callback_query"] } },
    });
    runner.task()?.catch((err) => {
        console.error("runner failed:", err);
        db.close();
        process.exit(1);
    });
    console.log("ready");
}
