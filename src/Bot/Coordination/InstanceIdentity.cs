using System.Security.Cryptography;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Coordination;

/// <summary>
/// Who this process is among the instances on one database: the machine, the process id and six random hex
/// digits (a restarted container may get the same machine name and pid). Written into the outbox rows it claims,
/// its heartbeat row and the leases it holds. <see cref="SingleInstance"/> is true on SQLite, where one process
/// owns the database by definition (see docs/architecture.md), so anything claimed by another id is from a process gone.
/// </summary>
public sealed class InstanceIdentity(string id, bool singleInstance)
{
    public string Id { get; } = id.Length <= Instance.IdLength ? id : id[..Instance.IdLength];

    public bool SingleInstance { get; } = singleInstance;

    public static InstanceIdentity New(bool singleInstance)
    {
        var machine = Environment.MachineName;
        if (machine.Length > 40) machine = machine[..40];
        return new InstanceIdentity($"{machine}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}", singleInstance);
    }

    public override string ToString() => Id;
}
