// The tests start PostgreSQL and Redis through /bin/sh like the AppHost's local mode: Unix only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("macos")]
