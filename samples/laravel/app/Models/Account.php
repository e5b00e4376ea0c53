<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** A person of the SaaS. Their PolarFlow user is `laravel-{id}`; nothing else of PolarFlow's is kept here. */
class Account extends Model
{
    protected $table = 'accounts';
    protected $fillable = ['name'];

    public function polarFlowUserId(): string
    {
        return 'laravel-'.$this->id;
    }
}
