namespace PolarFlow.Web.Services;

/// <summary>The API's people area: setup, sign-in, invitations. Passwords pass through, never kept here.</summary>
public sealed class PeopleClient(HttpClient http)
{
    public Task<SetupState> GetSetupStateAsync(CancellationToken ct) => http.GetAsync<SetupState>("/api/v1/people/setup", ct);

    public Task<LinkDto> CreateSetupLinkAsync(CancellationToken ct) => http.SendJsonAsync<LinkDto>(HttpMethod.Post, "/api/v1/people/setup-link", null, ct);

    public Task<LinkInfo?> FindLinkAsync(string token, CancellationToken ct) =>
        FindGoneAsync(() => http.FindAsync<LinkInfo>($"/api/v1/people/links/{Uri.EscapeDataString(token)}", ct));

    public Task<PersonDto> ClaimAsync(string token, string username, string password, CancellationToken ct) =>
        http.SendJsonAsync<PersonDto>(HttpMethod.Post, "/api/v1/people", new { token, username, password }, ct);

    public Task<PersonDto> SignInAsync(string username, string password, CancellationToken ct) =>
        http.SendJsonAsync<PersonDto>(HttpMethod.Post, "/api/v1/people/sign-in", new { username, password }, ct);

    public Task<PersonDto?> FindAsync(Guid personId, CancellationToken ct) => http.FindAsync<PersonDto>($"/api/v1/people/{personId}", ct);

    public Task<List<PersonDto>> ListAsync(CancellationToken ct) => http.GetAsync<List<PersonDto>>("/api/v1/people", ct);

    public Task<LinkDto> InviteAsync(string userId, CancellationToken ct) =>
        http.SendJsonAsync<LinkDto>(HttpMethod.Post, "/api/v1/people/invitations", new { userId }, ct);

    public Task RemoveAsync(Guid personId, CancellationToken ct) => http.SendAsync(HttpMethod.Delete, $"/api/v1/people/{personId}", null, ct);

    private static async Task<LinkInfo?> FindGoneAsync(Func<Task<LinkInfo?>> find)
    {
        try
        {
            return await find();
        }
        catch (ApiException ex) when (ex.Status == System.Net.HttpStatusCode.Gone)
        {
            return null;
        }
    }
}
