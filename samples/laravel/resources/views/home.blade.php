@extends('layout')
@section('title', 'Welcome')
@section('content')
    <p>Sign up to see your Polar sleep and readiness, kept by PolarFlow.</p>
    <form method="post" action="{{ route('register') }}">
        @csrf
        <label for="name">Your name</label>
        <input id="name" name="name" required maxlength="100" value="{{ old('name') }}">
        <button type="submit">Sign up</button>
    </form>
@endsection
