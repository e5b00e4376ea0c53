@extends('layout')
@section('title', 'Hello, '.$account->name)
@section('content')
    <p data-polarflow-user="{{ $account->polarFlowUserId() }}">
        Polar: <strong data-connection="{{ $connection }}">{{ $connection }}</strong>
    </p>
    @if ($connection !== 'Connected')
        <form method="post" action="{{ route('connect') }}">
            @csrf
            <button type="submit" id="connect">Connect Polar</button>
        </form>
    @else
        <h2>Readiness today</h2>
        @if ($readiness['score'] !== null)
            <p class="score" data-readiness="{{ $readiness['score'] }}">{{ number_format($readiness['score'], 0) }}</p>
            <p>{{ ucfirst($readiness['band'] ?? '') }}</p>
        @else
            <p data-readiness="">Not yet: {{ $readiness['missing'] ?? 'too few nights synced' }}.</p>
        @endif

        <h2>Sleep, last 7 nights</h2>
        @if (count($nights) === 0)
            <p>No nights synced yet: they arrive a few seconds after connecting.</p>
        @else
            <table>
                <thead><tr><th scope="col">Night</th><th scope="col">Asleep</th><th scope="col">Sleep score</th></tr></thead>
                <tbody>
                @foreach ($nights as $night)
                    @php($asleep = ($night['lightSleep'] ?? 0) + ($night['deepSleep'] ?? 0) + ($night['remSleep'] ?? 0))
                    <tr data-night="{{ $night['date'] }}">
                        <th scope="row">{{ $night['date'] }}</th>
                        <td>{{ intdiv($asleep, 3600) }} h {{ intdiv($asleep % 3600, 60) }} min</td>
                        <td>{{ $night['sleepScore'] ?? '—' }}</td>
                    </tr>
                @endforeach
                </tbody>
            </table>
        @endif
    @endif

    <h2>Leave</h2>
    <form method="post" action="{{ route('account.delete') }}">
        @csrf
        <button type="submit" id="delete">Delete my account and all my Polar data</button>
    </form>
@endsection
