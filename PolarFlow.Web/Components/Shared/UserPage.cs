using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using PolarFlow.Web.Services;

namespace PolarFlow.Web.Components.Shared;

/// <summary>
/// Every page about one user: checks the signed-in person may see them (another person's user is a plain 404,
/// nothing revealed), then loads; an API that is down or refusing becomes <see cref="Problem"/>, shown in words.
/// </summary>
[Authorize]
public abstract class UserPage : ComponentBase
{
    [Parameter] public string UserId { get; set; } = "";

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected Viewer Viewer { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected bool Ready { get; private set; }

    protected bool Hidden { get; private set; }

    protected string? Problem { get; private set; }

    protected string? ProblemHint { get; private set; }

    protected UserPageState State => new(Hidden, Problem, ProblemHint, Ready);

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected AnalyticsOptions Options => AnalyticsOptions.FromCookie(HttpContext.Request.Cookies[AnalyticsOptions.CookieName(UserId)]);

    protected string UserPath(string rest) => $"/u/{Uri.EscapeDataString(UserId)}/{rest}";

    protected override async Task OnInitializedAsync()
    {
        try
        {
            if (!await Viewer.MayViewAsync(UserId, Aborted))
            {
                Hidden = true;
                HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await LoadAsync();
            Ready = true;
        }
        catch (ApiUnavailableException)
        {
            Fail(StatusCodes.Status503ServiceUnavailable, "PolarFlow's API is not answering right now.",
                "It may still be starting or restarting. Reload this page in a moment; if it stays, check the apiservice in the Aspire dashboard.");
        }
        catch (ApiException ex)
        {
            Fail((int)ex.Status, ex.Title, ex.Detail);
        }
    }

    /// <summary>Loads what the page shows; runs only for a person who may see the user.</summary>
    protected abstract Task LoadAsync();

    private void Fail(int status, string problem, string? hint)
    {
        Problem = problem;
        ProblemHint = hint;
        if (!HttpContext.Response.HasStarted) HttpContext.Response.StatusCode = status;
    }
}
