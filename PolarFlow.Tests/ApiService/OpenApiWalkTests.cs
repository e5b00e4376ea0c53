using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PolarFlow.Tests.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// Walks the API's own OpenAPI document as a stranger's client would: every operation, every parameter and body sent
/// malformed, without a key and with another user's key. Any 5xx, any error that is not ProblemDetails, and any answer
/// whose status or body the document does not describe is a failure.
/// </summary>
public sealed class OpenApiWalkTests(OpenApiWalkTests.WalkApiFactory api) : IClassFixture<OpenApiWalkTests.WalkApiFactory>
{
    /// <summary>The API with a per-key limit the walk's thousand requests a minute stay under.</summary>
    public sealed class WalkApiFactory : ApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PolarFlow:RateLimit:PermitsPerMinute", "100000");
        }
    }

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private int _successBodiesChecked;

    [Fact]
    public async Task EveryOperationHasAUniqueIdATagASummaryAndADescription()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        Assert.True(operations.Count >= 45, $"only {operations.Count} operations");
        foreach (var (path, method, op) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(op["operationId"]?.GetValue<string>()), $"{where} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(op["summary"]?.GetValue<string>()), $"{where} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(op["description"]?.GetValue<string>()), $"{where} has no description");
            var tags = op["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            Assert.True(tags.Count == 1 && tags[0] != "PolarFlow.ApiService", $"{where} has tags [{string.Join(", ", tags)}]");
            foreach (var parameter in op["parameters"]?.AsArray() ?? [])
            {
                var type = parameter!["schema"]?["type"];
                Assert.True(type is not null || parameter["schema"]?["$ref"] is not null, $"{where} parameter {parameter["name"]} has no type");
            }
        }
        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(operations.Select(o => o.Operation["tags"]![0]!.GetValue<string>()).Distinct().Count() >= 10);

        // The query parameters that were bare strings are typed now, with their limits.
        var sleep = operations.Single(o => o.Operation["operationId"]!.GetValue<string>() == "ListSleep").Operation;
        var days = sleep["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "days")!["schema"]!;
        Assert.Contains("integer", days["type"]!.ToJsonString());
        Assert.Equal(1, days["minimum"]!.GetValue<int>());
        Assert.Equal(3650, days["maximum"]!.GetValue<int>());
        var from = sleep["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "from")!["schema"]!;
        Assert.Equal("date", from["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryOperationAnswersMalformedInputMissingKeysAndAnotherUsersKeyWithADocumentedProblem()
    {
        var document = await DocumentAsync();
        var owner = await SeedUserAsync();
        var stranger = await SeedUserAsync();
        using var admin = api.CreateAdminClient();
        using var anonymous = api.CreateClient();
        using var strangerKey = await UserKeyClientAsync(stranger);
        var failures = new List<string>();
        var requests = 0;

        // Deletions last, so the user they remove is there for everything else.
        foreach (var (path, method, op) in Operations(document).OrderBy(o => o.Method == "delete"))
        {
            var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
            var valid = parameters.ToDictionary(p => p["name"]!.GetValue<string>(), p => ValidValue(p, owner));

            async Task Send(HttpClient client, string label, Dictionary<string, string?> values, HttpContent? body, Func<HttpStatusCode, string?> expect)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(path, parameters, values)) { Content = body };
                using var response = await client.SendAsync(request);
                requests++;
                var problem = await CheckAsync(document, path, method, response) ?? expect(response.StatusCode);
                if (problem is not null) failures.Add($"{method.ToUpperInvariant()} {path} {label}: {problem}");
            }

            if (method == "get")
            {
                await Send(admin, "with valid values", valid, null, NotServerError);
            }
            await Send(anonymous, "without a key", valid, null, s => s == HttpStatusCode.Unauthorized ? null : $"answered {(int)s}, not 401");
            if (path.Contains("{userId}", StringComparison.Ordinal))
            {
                await Send(strangerKey, "with another user's key", valid, null, s => s == HttpStatusCode.Forbidden ? null : $"answered {(int)s}, not 403");
            }
            foreach (var parameter in parameters)
            {
                var name = parameter["name"]!.GetValue<string>();
                foreach (var bad in MalformedValues(parameter))
                {
                    var values = new Dictionary<string, string?>(valid) { [name] = bad };
                    await Send(admin, $"{name}={Shorten(bad)}", values, null, NotServerError);
                }
            }
            if (op["requestBody"] is not null)
            {
                foreach (var (body, type) in MalformedBodies)
                {
                    await Send(admin, $"body {Shorten(body)}", valid, new StringContent(body, Encoding.UTF8, type), NotServerError);
                }
            }
        }

        Assert.True(requests > 400, $"only {requests} requests were sent");
        Assert.True(_successBodiesChecked >= 30, $"only {_successBodiesChecked} successful answers were checked against their schema");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers were wrong:\n" + string.Join('\n', failures.Take(60)));
    }

    private static string? NotServerError(HttpStatusCode status) => (int)status >= 500 ? $"answered {(int)status}" : null;

    /// <summary>
    /// The answer's status must be documented for the operation, an error must be ProblemDetails, and a JSON body must
    /// match the documented schema. Returns what is wrong, or null.
    /// </summary>
    private async Task<string?> CheckAsync(JsonObject document, string path, string method, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500) return $"answered {status}: {Shorten(text)}";
        var documented = document["paths"]![path]![method]!["responses"]![status] ?? document["paths"]![path]![method]!["responses"]!["default"];
        if (documented is null) return $"answered {status}, which the document does not list";
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if ((int)response.StatusCode >= 400 && mediaType != "application/problem+json")
        {
            return $"answered {status} as {mediaType ?? "no body"}, not ProblemDetails: {Shorten(text)}";
        }
        if (mediaType is null || !mediaType.Contains("json", StringComparison.Ordinal)) return null;
        var schema = documented["content"]?[mediaType]?["schema"] ?? documented["content"]?["application/json"]?["schema"];
        if (schema is null) return null;
        var results = Schema(document, schema).Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (response.IsSuccessStatusCode) _successBodiesChecked++;
        if (results.IsValid) return null;
        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(3);
        return $"answered {status} with a body the document does not describe ({string.Join(" | ", errors)}): {Shorten(text)}";
    }

    /// <summary>The operation's schema as a JSON Schema of its own, the document's component schemas as its $defs.</summary>
    private static JsonSchema Schema(JsonObject document, JsonNode schema)
    {
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["allOf"] = new JsonArray(schema.DeepClone()) };
        root["$defs"] = document["components"]!["schemas"]!.DeepClone();
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://polarflow.test/schemas/{Guid.NewGuid():N}"));
    }

    /// <summary>Values of the parameter's documented type that are still wrong: bad types, limits, formats and sizes.</summary>
    private static IEnumerable<string> MalformedValues(JsonObject parameter)
    {
        var schema = parameter["schema"]!;
        var type = schema["type"]?.ToJsonString() ?? "";
        var format = schema["format"]?.GetValue<string>();
        yield return "";
        yield return new string('9', 40);
        yield return "%00";
        if (type.Contains("integer") || type.Contains("number"))
        {
            yield return "abc";
            yield return "1.5";
            yield return "-1";
            yield return "NaN";
            yield return "1e999";
            if (schema["maximum"] is { } max) yield return (max.GetValue<double>() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (format is "date")
        {
            yield return "2026-02-30";
            yield return "yesterday";
            yield return "0001-01-01";
        }
        else if (format is "uuid")
        {
            yield return "not-a-guid";
        }
        else
        {
            yield return new string('x', 5000);
            yield return "../../etc/passwd";
            yield return "' OR 1=1 --";
            yield return "\u00e9\u00e8\ud83d\ude00";
        }
    }

    private static readonly (string Body, string Type)[] MalformedBodies =
    [
        ("", "application/json"), ("{", "application/json"), ("[]", "application/json"), ("null", "application/json"),
        ("{}", "application/json"), ("{\"name\": 5, \"userId\": [], \"kind\": {}}", "application/json"),
        ("{\"name\": \"" + new string('x', 100_000) + "\"}", "application/json"), ("not json", "text/plain"),
        ("PK\u0003\u0004 not really a zip", "application/zip"),
    ];

    private static string? ValidValue(JsonObject parameter, string userId) => parameter["name"]!.GetValue<string>() switch
    {
        "userId" => userId,
        "date" => "2026-11-20",
        "id" when parameter["schema"]?["format"]?.GetValue<string>() == "uuid" => Guid.Empty.ToString(),
        "id" when parameter["schema"]?["type"]?.ToJsonString().Contains("integer") == true => "1697787256",
        "id" => "ymeoBNZw",
        "type" when parameter["in"]!.GetValue<string>() == "path" => "sleep",
        "keyId" => "0123456789ab",
        "personId" => Guid.Empty.ToString(),
        "token" => "not-a-token",
        _ => null, // an optional query parameter is left out
    };

    private static string Url(string path, List<JsonObject> parameters, Dictionary<string, string?> values)
    {
        var url = new StringBuilder();
        var query = new List<string>();
        url.Append(path);
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            if (values.GetValueOrDefault(name) is not { } value) continue;
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                // The path's own characters must stay a path: "%00" and ".." are sent escaped, as a client library would.
                url.Replace("{" + name + "}", value.Length == 0 ? "%20" : Uri.EscapeDataString(value));
            }
            else
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        return query.Count == 0 ? url.ToString() : url + "?" + string.Join('&', query);
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in Methods
        where path.Value![method] is not null
        select (path.Key, method, path.Value![method]!.AsObject());

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = api.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
    }

    private async Task<HttpClient> UserKeyClientAsync(string userId) => api.CreateKeyClient(await api.CreateKeyAsync("user", userId));

    /// <summary>A user with one night and one recharge, so reads have something to answer.</summary>
    private async Task<string> SeedUserAsync()
    {
        await using var db = api.Database.CreateDbContext();
        var userId = "walk-" + Guid.NewGuid().ToString("N")[..8];
        db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = userId });
        await db.SaveChangesAsync();
        await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: false);
        await SyncedRecordSamples.ByTable["nightly_recharge"].UpsertAsync(db, userId, changed: false);
        return userId;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
