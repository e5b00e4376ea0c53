using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.People;

/// <summary>
/// The dashboard's accounts, for the web's own credential (and the admin key): the web verifies sign-ins here
/// and keeps nothing but its cookie. No answer ever carries a password hash.
/// </summary>
public static partial class PeopleApi
{
    public sealed record SetupState(bool OwnerExists);
    public sealed record LinkDto(string Token, string Role, string? UserId, DateTimeOffset ExpiresAt);
    public sealed record LinkInfo(string Role, string? UserId, DateTimeOffset ExpiresAt);
    public sealed record ClaimLink(string? Token, string? Username, string? Password);
    public sealed record CreateInvitation(string? UserId);
    public sealed record SignIn(string? Username, string? Password);
    public sealed record PersonDto(Guid PersonId, string Username, string Role, string? UserId, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

    public const int MinPasswordLength = 10;

    [GeneratedRegex("^[A-Za-z0-9_.@+-]{1,100}$")]
    private static partial Regex UsernamePattern();

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").RequireAuthorization(UserAccess.PeoplePolicy).WithTags("People");

        people.MapGet("/setup", async (PeopleService service, CancellationToken ct) =>
            TypedResults.Ok(new SetupState(await service.OwnerExistsAsync(ct))))
            .WithName("GetSetupState").WithSummary("Get the setup state")
            .WithDescription("Whether the dashboard's owner has been set up.");

        people.MapPost("/setup-link", async Task<Results<Ok<LinkDto>, ProblemHttpResult>> (PeopleService service, CancellationToken ct) =>
        {
            if (await service.OwnerExistsAsync(ct)) return OwnerExists();
            var link = await service.CreateSetupLinkAsync(ct);
            return TypedResults.Ok(new LinkDto(link.Token, "owner", null, link.ExpiresAt));
        }).WithName("CreateSetupLink").WithSummary("Create the owner's setup link")
            .WithDescription("A one-time link for the owner's password (24 h; an older one stops working).");

        people.MapPost("/invitations", async Task<Results<Ok<LinkDto>, ProblemHttpResult>> (CreateInvitation request, PeopleService service,
            PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (request.UserId is null || !await db.Users.AnyAsync(u => u.UserId == request.UserId, ct))
                return Problems.Invalid("userId", "An invitation needs the id of an existing user.");
            var link = await service.CreateInvitationAsync(request.UserId, ct);
            return TypedResults.Ok(new LinkDto(link.Token, "member", request.UserId, link.ExpiresAt));
        }).WithName("CreateInvitation").WithSummary("Invite a person")
            .WithDescription("A one-time link (7 days) for someone who will see only this user.");

        people.MapGet("/links/{token}", async Task<Results<Ok<LinkInfo>, ProblemHttpResult>> (string token, PeopleService service, CancellationToken ct) =>
            await service.FindLinkAsync(token, ct) is { } link
                ? TypedResults.Ok(new LinkInfo(Role(link.Role), link.UserId, link.ExpiresAt))
                : LinkGone())
            .WithName("GetLink").WithSummary("Inspect a one-time link")
            .WithDescription("What a one-time link is for, while it still works.")
            .ProducesProblem(StatusCodes.Status410Gone);

        people.MapPost("", async Task<Results<Created<PersonDto>, ProblemHttpResult>> (ClaimLink request, PeopleService service,
            PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.Token)) return Problems.Invalid("token", "token is the one-time link's token.");
            if (request.Username is null || !UsernamePattern().IsMatch(request.Username))
                return Problems.Invalid("username", "username is 1-100 letters, digits or . _ @ + -.");
            if (request.Password is null || request.Password.Length < MinPasswordLength || request.Password.Length > 200)
                return Problems.Invalid("password", $"password is {MinPasswordLength}-200 characters.");
            if (await service.FindLinkAsync(request.Token, ct) is not { } link) return LinkGone();
            if (link.Role == PersonRole.Owner && await service.OwnerExistsAsync(ct)) return OwnerExists();
            if (await db.People.AnyAsync(p => p.Username == request.Username, ct))
                return TypedResults.Problem(statusCode: 409, title: "That username is taken", detail: "Choose another username.",
                    type: "https://polarflow.dev/problems/conflict");
            var person = await service.ClaimAsync(request.Token, request.Username, request.Password, ct);
            return person is null ? LinkGone() : TypedResults.Created($"/api/v1/people/{person.PersonId}", ToDto(person));
        }).WithName("CreatePerson").WithSummary("Create a person from a link")
            .WithDescription("Spend a one-time link: the owner (setup link) or an invited person gets a username and password.");

        people.MapPost("/sign-in", async Task<Results<Ok<PersonDto>, ProblemHttpResult>> (SignIn request, PeopleService service,
            HttpResponse response, TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password) || request.Password.Length > 200)
                return Problems.Invalid("username", "username and password are required.");
            var result = await service.SignInAsync(request.Username, request.Password, ct);
            switch (result.Outcome)
            {
                case PeopleService.SignInOutcome.Success:
                    return TypedResults.Ok(ToDto(result.Person!));
                case PeopleService.SignInOutcome.LockedOut:
                    var wait = Math.Max(1, (int)Math.Ceiling((result.LockedUntil!.Value - time.GetUtcNow()).TotalSeconds));
                    response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                    return TypedResults.Problem(statusCode: 423, title: "Too many failed sign-ins",
                        detail: $"This account is locked for {Math.Ceiling(wait / 60.0)} more minute(s).", type: "https://polarflow.dev/problems/locked-out");
                default:
                    return TypedResults.Problem(statusCode: 401, title: "Wrong username or password", type: "https://polarflow.dev/problems/sign-in");
            }
        }).WithName("SignInPerson").WithSummary("Sign a person in")
            .WithDescription("Check a username and password; each failure slows the next answer and five lock the account for 15 minutes.");

        people.MapGet("", async (PolarFlowDbContext db, CancellationToken ct) =>
        {
            var list = await db.People.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ToDto).ToList());
        }).WithName("ListPeople").WithSummary("List people")
            .WithDescription("Everyone who may sign in to the dashboard.");

        people.MapGet("/{personId:guid}", async Task<Results<Ok<PersonDto>, NotFound>> (Guid personId, PolarFlowDbContext db, CancellationToken ct) =>
            await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, ct) is { } person
                ? TypedResults.Ok(ToDto(person)) : TypedResults.NotFound())
            .WithName("GetPerson").WithSummary("Get a person")
            .WithDescription("One person (the web checks a signed-in person still exists).");

        people.MapDelete("/{personId:guid}", async Task<Results<NoContent, NotFound>> (Guid personId, PolarFlowDbContext db, CancellationToken ct) =>
            await db.People.Where(p => p.PersonId == personId && p.Role == PersonRole.Member).ExecuteDeleteAsync(ct) == 0
                ? TypedResults.NotFound() : TypedResults.NoContent())
            .WithName("DeletePerson").WithSummary("Remove a person")
            .WithDescription("Remove an invited person (the owner stays).");

        return api;
    }

    private static string Role(PersonRole role) => role == PersonRole.Owner ? "owner" : "member";

    private static PersonDto ToDto(Person p) => new(p.PersonId, p.Username, Role(p.Role), p.UserId, p.CreatedAt, p.LastSignInAt);

    private static ProblemHttpResult LinkGone() => TypedResults.Problem(statusCode: 410, title: "This link has expired or was already used",
        detail: "Ask for a new link: restart PolarFlow for a new setup link, or ask the owner for a new invitation.",
        type: "https://polarflow.dev/problems/link-gone");

    private static ProblemHttpResult OwnerExists() => TypedResults.Problem(statusCode: 409, title: "The owner is already set up",
        detail: "Sign in instead.", type: "https://polarflow.dev/problems/conflict");
}
