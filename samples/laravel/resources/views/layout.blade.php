<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>@yield('title') · PolarFlow SaaS sample</title>
    <style>
        body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #d9e2ec; }
        .score { font-size: 2.5rem; font-weight: 700; }
        .error { color: #b42318; }
        button { padding: .4rem .9rem; }
    </style>
</head>
<body>
    <h1>@yield('title')</h1>
    @if (session('status'))<p role="status">{{ session('status') }}</p>@endif
    @foreach ($errors->all() as $error)<p class="error" role="alert">{{ $error }}</p>@endforeach
    @yield('content')
</body>
</html>
