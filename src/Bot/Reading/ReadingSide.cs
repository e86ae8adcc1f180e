using Assembly.Bot.Configuration;
using Assembly.Bot.Coordination;
using Assembly.Bot.Hosting;
using Assembly.Bot.Sending;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Reading;

/// <summary>
/// What the read worker uses: its own contexts to read with (never the writer's), the way its answers reach the sender
/// (the write gate and the sender's signal), the signal that wakes it, and this instance among the others (a request
/// claimed by an instance that is gone is taken over).
/// </summary>
public sealed record ReadingSide(
    IDbContextFactory<BotDbContext> Readers,
    Outbound Outbound,
    [FromKeyedServices(WakeSignal.Reads)] WakeSignal Signal,
    InstanceIdentity Me,
    IOptions<InstanceOptions> Instances);
