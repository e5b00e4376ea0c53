namespace PolarFlow.ApiService;

/// <summary>
/// Names this assembly for WebApplicationFactory: a test project that also references the AppHost sees two
/// global <c>Program</c> types (CS0433), so tests use this marker instead.
/// </summary>
public sealed class ApiServiceMarker;
