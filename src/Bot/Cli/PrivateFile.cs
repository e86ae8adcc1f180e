namespace Assembly.Bot.Cli;

/// <summary>
/// The files the command line writes hold members' names and phone numbers (an export) or everything (a backup):
/// on Unix they are created readable and writable by their owner only, whatever the folder or the umask would
/// give others.
/// </summary>
public static class PrivateFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates a new file for writing, failing if it exists. The mode is given to the system call that creates the
    /// file rather than set afterwards: until a later chmod, anybody could open it, and a handle opened then stays
    /// good after the chmod.
    /// </summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        return new FileStream(path, options);
    }
}
