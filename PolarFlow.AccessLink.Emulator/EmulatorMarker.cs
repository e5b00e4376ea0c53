namespace PolarFlow.AccessLink.Emulator;

/// <summary>Names this assembly for WebApplicationFactory (several projects in the tests have a Program).</summary>
public sealed class EmulatorMarker;
