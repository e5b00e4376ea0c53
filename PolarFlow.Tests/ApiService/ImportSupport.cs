using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Getting an export from the emulator, uploading it, and waiting for the import to end.</summary>
public static class ImportSupport
{
    public static async Task<byte[]> ExportAsync(EmulatorFactory emulator, long polarUserId, string generation)
    {
        using var admin = emulator.CreateClient();
        var response = await admin.GetAsync($"/admin/users/{polarUserId}/export?generation={generation}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string userId, byte[] zip, string contentType = "application/zip")
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/v1/users/{userId}/imports", content);
    }

    /// <summary>Uploads and polls until the import has ended; returns its final state.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, string userId, byte[] zip)
    {
        var response = await UploadAsync(client, userId, zip);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await WaitAsync(client, userId, id);
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, string userId, Guid id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var state = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/imports/{id}");
            if (state.GetProperty("status").GetString() is not ("Queued" or "Running")) return state;
            Assert.True(DateTime.UtcNow < deadline, $"the import did not end: {state}");
            await Task.Delay(200);
        }
    }

    /// <summary>A copy of the ZIP with some entries replaced (null content removes the entry) and others added.</summary>
    public static byte[] Rewrite(byte[] zip, Func<string, byte[]?, byte[]?> change, params (string Name, byte[] Content)[] added)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = new MemoryStream();
                using (var stream = entry.Open()) stream.CopyTo(read);
                if (change(entry.FullName, read.ToArray()) is not { } content) continue;
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(content);
            }
            foreach (var (name, content) in added)
            {
                using var write = target.CreateEntry(name).Open();
                write.Write(content);
            }
        }
        return output.ToArray();
    }
}
