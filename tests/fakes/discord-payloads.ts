// The objects the fake Discord sends, shaped as Discord's: the guild of GUILD_CREATE, an interaction's
// envelope and a message the bot sent. The ids (snowflakes) are the fake's; these only fill the shapes.
export const APP_ID = "111111111111111111";
export const GUILD_ID = "222222222222222222";
export const CHANNEL_ID = "333333333333333333";
export const BOT_USER_ID = "444444444444444444";
export const USER_ID = "555555555555555555";

/** READY: the bot's user and application, and the server it is in (listed unavailable until GUILD_CREATE). */
export function readyPayload(resumeUrl: string, inGuild: boolean) {
  return {
    v: 10,
    user: { id: BOT_USER_ID, username: "newsbot", discriminator: "0", global_name: null, avatar: null, bot: true },
    guilds: inGuild ? [{ id: GUILD_ID, unavailable: true }] : [],
    session_id: "session-1",
    resume_gateway_url: resumeUrl,
    application: { id: APP_ID, flags: 0 },
  };
}

/** The one server the bot is in, with its one text channel. */
export function guildPayload() {
  return {
    id: GUILD_ID,
    name: "Newsroom",
    icon: null,
    owner_id: USER_ID,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: "2024-01-01T00:00:00.000Z",
    features: [],
    roles: [
      { id: GUILD_ID, name: "@everyone", permissions: "1071698660929", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    ],
    channels: [{ id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "newsroom", position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
    threads: [],
    members: [],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    premium_tier: 0,
    preferred_locale: "en-GB",
    system_channel_flags: 0,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    afk_timeout: 300,
  };
}

/** An interaction of `type` from the reporter in the newsroom channel. */
export function interactionPayload(id: string, type: number, data: any, extra: Record<string, unknown> = {}) {
  return {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID },
    member: {
      user: { id: USER_ID, username: "reporter", discriminator: "0", global_name: "Reporter", avatar: null },
      roles: [],
      permissions: "0",
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: "0",
    locale: "en-GB",
    guild_locale: "en-GB",
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    data,
    ...extra,
  };
}

/** A message the bot sent: its content, embeds, components and flags from `body`, the rest as Discord fills it. */
export function messagePayload(id: string, body: any, channel = CHANNEL_ID, type = 0) {
  return {
    id,
    channel_id: channel,
    type,
    content: body?.content ?? "",
    author: { id: BOT_USER_ID, username: "newsbot", discriminator: "0", bot: true, avatar: null },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    flags: body?.flags ?? 0,
  };
}
