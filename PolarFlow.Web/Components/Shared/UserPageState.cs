namespace PolarFlow.Web.Components.Shared;

/// <summary>What <see cref="PageState"/> needs of a <see cref="UserPage"/>.</summary>
public sealed record UserPageState(bool Hidden, string? ProblemText, string? ProblemHintText, bool IsReady);
