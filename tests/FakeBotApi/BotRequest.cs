using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assembly.FakeBotApi;

/// <summary>
/// The parameters of one Bot API call, from wherever the client put them: query string, JSON body,
/// form-urlencoded or multipart body (later sources win). Form values are strings, JSON values may be
/// numbers or objects; the accessors accept both, as Telegram does.
/// </summary>
internal sealed class BotRequest
{
    private readonly JsonObject _params;
    private readonly IFormFileCollection? _files;

    private BotRequest(JsonObject parameters, IFormFileCollection? files)
    {
        _params = parameters;
        _files = files;
    }

    public static async Task<BotRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();
        IFormFileCollection? files = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
                parameters[key] = value.ToString();
            files = form.Files;
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            if (!string.IsNullOrWhiteSpace(text))
            {
                JsonNode? body;
                try { body = JsonNode.Parse(text); }
                catch (JsonException) { throw new BadRequestException("can't parse JSON"); }
                if (body is not JsonObject obj)
                    throw new BadRequestException("JSON body must be an object");
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key); // a node has one parent: detach before moving it
                    parameters[key] = value;
                }
            }
        }
        return new BotRequest(parameters, files);
    }

    public bool Has(string name) => _params[name] is not null || _files?.GetFile(name) is not null;

    /// <summary>A string as sent; a number or object as its JSON text.</summary>
    public string? String(string name) => _params[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(BotReply.Json),
    };

    public long? Long(string name) => _params[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var number) => number,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public double? Double(string name) => _params[name] switch
    {
        JsonValue v when v.TryGetValue<double>(out var number) => number,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public bool Bool(string name) => _params[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// An object parameter (reply_markup, reply_parameters): sent as an object in JSON bodies, as a JSON
    /// string in forms. Throws 400 with <paramref name="unparsable"/> when the string is not a JSON object.
    /// </summary>
    public JsonObject? Object(string name, string unparsable)
    {
        switch (_params[name])
        {
            case null:
                return null;
            case JsonObject obj:
                return obj;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (string.IsNullOrWhiteSpace(s))
                    return null;
                try { return JsonNode.Parse(s) as JsonObject ?? throw new BadRequestException(unparsable); }
                catch (JsonException) { throw new BadRequestException(unparsable); }
            default:
                throw new BadRequestException(unparsable);
        }
    }

    /// <summary>An array parameter (setMyCommands' commands): an array in JSON bodies, a JSON string in forms.</summary>
    public JsonArray? Array(string name, string unparsable)
    {
        switch (_params[name])
        {
            case null:
                return null;
            case JsonArray array:
                return array;
            case JsonValue v when v.TryGetValue<string>(out var s):
                try { return JsonNode.Parse(s) as JsonArray ?? throw new BadRequestException(unparsable); }
                catch (JsonException) { throw new BadRequestException(unparsable); }
            default:
                throw new BadRequestException(unparsable);
        }
    }

    /// <summary>A file parameter: the name of an uploaded file, or the file_id / URL given as a string.</summary>
    public string? File(string name) => FormFile(name) is { } upload ? upload.FileName : String(name);

    /// <summary>
    /// The uploaded part of a file parameter: the part of that name, or the one it points to as
    /// <c>attach://part</c> (how Telegram.Bot uploads a stream).
    /// </summary>
    private IFormFile? FormFile(string name) =>
        _files?.GetFile(name) ?? (String(name) is { } value && value.StartsWith("attach://", StringComparison.Ordinal) ? _files?.GetFile(value["attach://".Length..]) : null);

    /// <summary>The bytes of an uploaded file (multipart), or null when the parameter is not an upload.</summary>
    public byte[]? Upload(string name)
    {
        if (FormFile(name) is not { } upload) return null;
        using var stream = upload.OpenReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
