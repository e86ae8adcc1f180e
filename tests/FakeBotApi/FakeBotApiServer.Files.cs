using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assembly.FakeBotApi;

// Files the bot may download: getFile, then GET {BaseUrl}/file/bot{token}/{file_path}, with Telegram's 20 MB ceiling.
public sealed partial class FakeBotApiServer
{
    /// <summary>The most getFile hands out, as on Telegram (and Bale).</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, (string Path, byte[] Bytes, long Size)> _files = new();
    private int _downloads;

    /// <summary>
    /// A file this messenger holds under <paramref name="fileId"/> (as if a user had sent it). <paramref name="size"/>
    /// is the size getFile reports, for a file too big to hold in a test; by default the bytes' length.
    /// </summary>
    public void PutFile(string fileId, byte[] bytes, long? size = null) =>
        _files[fileId] = ($"documents/file_{_files.Count + 1}", bytes, size ?? bytes.Length);

    /// <summary>Files downloaded by the bot.</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    private BotReply GetFile(BotRequest request)
    {
        var fileId = request.String("file_id");
        if (string.IsNullOrEmpty(fileId) || !_files.TryGetValue(fileId, out var file))
            throw new BadRequestException("wrong file_id or the file is temporarily unavailable");
        if (file.Size > MaxDownloadBytes)
            throw new BadRequestException("file is too big");
        return BotReply.Result(new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "F" + fileId, ["file_size"] = file.Size, ["file_path"] = file.Path,
        });
    }

    /// <summary>The download of a path getFile gave; true when the request was one (answered here).</summary>
    private async Task<bool> TryDownloadAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var prefix = "/file/bot" + _options.Token + "/";
        if (!path.StartsWith("/file/bot", StringComparison.Ordinal))
            return false;
        var file = path.StartsWith(prefix, StringComparison.Ordinal)
            ? _files.Values.FirstOrDefault(f => f.Path == path[prefix.Length..])
            : default;
        if (file.Bytes is null)
        {
            http.Response.StatusCode = 404;
            return true;
        }

        Interlocked.Increment(ref _downloads);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(file.Bytes, http.RequestAborted);
        return true;
    }
}
