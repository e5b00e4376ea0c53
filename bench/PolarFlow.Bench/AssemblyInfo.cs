// Like the tests it reuses, the benchmark starts PostgreSQL and Redis through /bin/sh: Unix only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("macos")]
