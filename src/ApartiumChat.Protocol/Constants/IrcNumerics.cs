namespace ApartiumChat.Protocol;

/// <summary>
/// Numeric replies a Modern IRC server sends, named after their usual names
/// (<c>RPL_WELCOME</c> is <see cref="RplWelcome"/>). 413-416 and 477 follow RFC 2812.
/// </summary>
public static class IrcNumerics
{
    /// <summary>001 RPL_WELCOME</summary>
    public const string RplWelcome = "001";

    /// <summary>002 RPL_YOURHOST</summary>
    public const string RplYourHost = "002";

    /// <summary>003 RPL_CREATED</summary>
    public const string RplCreated = "003";

    /// <summary>004 RPL_MYINFO</summary>
    public const string RplMyInfo = "004";

    /// <summary>005 RPL_ISUPPORT</summary>
    public const string RplISupport = "005";

    /// <summary>221 RPL_UMODEIS</summary>
    public const string RplUModeIs = "221";

    /// <summary>251 RPL_LUSERCLIENT</summary>
    public const string RplLUserClient = "251";

    /// <summary>252 RPL_LUSEROP</summary>
    public const string RplLUserOp = "252";

    /// <summary>253 RPL_LUSERUNKNOWN</summary>
    public const string RplLUserUnknown = "253";

    /// <summary>254 RPL_LUSERCHANNELS</summary>
    public const string RplLUserChannels = "254";

    /// <summary>255 RPL_LUSERME</summary>
    public const string RplLUserMe = "255";

    /// <summary>256 RPL_ADMINME</summary>
    public const string RplAdminMe = "256";

    /// <summary>257 RPL_ADMINLOC1</summary>
    public const string RplAdminLoc1 = "257";

    /// <summary>258 RPL_ADMINLOC2</summary>
    public const string RplAdminLoc2 = "258";

    /// <summary>259 RPL_ADMINEMAIL</summary>
    public const string RplAdminEmail = "259";

    /// <summary>263 RPL_TRYAGAIN</summary>
    public const string RplTryAgain = "263";

    /// <summary>265 RPL_LOCALUSERS</summary>
    public const string RplLocalUsers = "265";

    /// <summary>266 RPL_GLOBALUSERS</summary>
    public const string RplGlobalUsers = "266";

    /// <summary>301 RPL_AWAY</summary>
    public const string RplAway = "301";

    /// <summary>302 RPL_USERHOST</summary>
    public const string RplUserHost = "302";

    /// <summary>305 RPL_UNAWAY</summary>
    public const string RplUnAway = "305";

    /// <summary>306 RPL_NOWAWAY</summary>
    public const string RplNowAway = "306";

    /// <summary>311 RPL_WHOISUSER</summary>
    public const string RplWhoisUser = "311";

    /// <summary>312 RPL_WHOISSERVER</summary>
    public const string RplWhoisServer = "312";

    /// <summary>313 RPL_WHOISOPERATOR</summary>
    public const string RplWhoisOperator = "313";

    /// <summary>314 RPL_WHOWASUSER</summary>
    public const string RplWhowasUser = "314";

    /// <summary>315 RPL_ENDOFWHO</summary>
    public const string RplEndOfWho = "315";

    /// <summary>317 RPL_WHOISIDLE</summary>
    public const string RplWhoisIdle = "317";

    /// <summary>318 RPL_ENDOFWHOIS</summary>
    public const string RplEndOfWhois = "318";

    /// <summary>319 RPL_WHOISCHANNELS</summary>
    public const string RplWhoisChannels = "319";

    /// <summary>321 RPL_LISTSTART</summary>
    public const string RplListStart = "321";

    /// <summary>322 RPL_LIST</summary>
    public const string RplList = "322";

    /// <summary>323 RPL_LISTEND</summary>
    public const string RplListEnd = "323";

    /// <summary>324 RPL_CHANNELMODEIS</summary>
    public const string RplChannelModeIs = "324";

    /// <summary>329 RPL_CREATIONTIME</summary>
    public const string RplCreationTime = "329";

    /// <summary>331 RPL_NOTOPIC</summary>
    public const string RplNoTopic = "331";

    /// <summary>332 RPL_TOPIC</summary>
    public const string RplTopic = "332";

    /// <summary>333 RPL_TOPICWHOTIME</summary>
    public const string RplTopicWhoTime = "333";

    /// <summary>341 RPL_INVITING</summary>
    public const string RplInviting = "341";

    /// <summary>351 RPL_VERSION</summary>
    public const string RplVersion = "351";

    /// <summary>352 RPL_WHOREPLY</summary>
    public const string RplWhoReply = "352";

    /// <summary>353 RPL_NAMREPLY</summary>
    public const string RplNamReply = "353";

    /// <summary>366 RPL_ENDOFNAMES</summary>
    public const string RplEndOfNames = "366";

    /// <summary>367 RPL_BANLIST</summary>
    public const string RplBanList = "367";

    /// <summary>368 RPL_ENDOFBANLIST</summary>
    public const string RplEndOfBanList = "368";

    /// <summary>369 RPL_ENDOFWHOWAS</summary>
    public const string RplEndOfWhowas = "369";

    /// <summary>372 RPL_MOTD</summary>
    public const string RplMotd = "372";

    /// <summary>375 RPL_MOTDSTART</summary>
    public const string RplMotdStart = "375";

    /// <summary>376 RPL_ENDOFMOTD</summary>
    public const string RplEndOfMotd = "376";

    /// <summary>381 RPL_YOUREOPER</summary>
    public const string RplYoureOper = "381";

    /// <summary>391 RPL_TIME</summary>
    public const string RplTime = "391";

    /// <summary>400 ERR_UNKNOWNERROR</summary>
    public const string ErrUnknownError = "400";

    /// <summary>401 ERR_NOSUCHNICK</summary>
    public const string ErrNoSuchNick = "401";

    /// <summary>402 ERR_NOSUCHSERVER</summary>
    public const string ErrNoSuchServer = "402";

    /// <summary>403 ERR_NOSUCHCHANNEL</summary>
    public const string ErrNoSuchChannel = "403";

    /// <summary>404 ERR_CANNOTSENDTOCHAN</summary>
    public const string ErrCannotSendToChan = "404";

    /// <summary>405 ERR_TOOMANYCHANNELS</summary>
    public const string ErrTooManyChannels = "405";

    /// <summary>406 ERR_WASNOSUCHNICK</summary>
    public const string ErrWasNoSuchNick = "406";

    /// <summary>409 ERR_NOORIGIN</summary>
    public const string ErrNoOrigin = "409";

    /// <summary>411 ERR_NORECIPIENT</summary>
    public const string ErrNoRecipient = "411";

    /// <summary>412 ERR_NOTEXTTOSEND</summary>
    public const string ErrNoTextToSend = "412";

    /// <summary>413 ERR_NOTOPLEVEL</summary>
    public const string ErrNoTopLevel = "413";

    /// <summary>414 ERR_WILDTOPLEVEL</summary>
    public const string ErrWildTopLevel = "414";

    /// <summary>415 ERR_BADMASK</summary>
    public const string ErrBadMask = "415";

    /// <summary>416 ERR_TOOMANYMATCHES</summary>
    public const string ErrTooManyMatches = "416";

    /// <summary>417 ERR_INPUTTOOLONG</summary>
    public const string ErrInputTooLong = "417";

    /// <summary>421 ERR_UNKNOWNCOMMAND</summary>
    public const string ErrUnknownCommand = "421";

    /// <summary>422 ERR_NOMOTD</summary>
    public const string ErrNoMotd = "422";

    /// <summary>431 ERR_NONICKNAMEGIVEN</summary>
    public const string ErrNoNicknameGiven = "431";

    /// <summary>432 ERR_ERRONEUSNICKNAME</summary>
    public const string ErrErroneusNickname = "432";

    /// <summary>433 ERR_NICKNAMEINUSE</summary>
    public const string ErrNicknameInUse = "433";

    /// <summary>436 ERR_NICKCOLLISION</summary>
    public const string ErrNickCollision = "436";

    /// <summary>441 ERR_USERNOTINCHANNEL</summary>
    public const string ErrUserNotInChannel = "441";

    /// <summary>442 ERR_NOTONCHANNEL</summary>
    public const string ErrNotOnChannel = "442";

    /// <summary>443 ERR_USERONCHANNEL</summary>
    public const string ErrUserOnChannel = "443";

    /// <summary>451 ERR_NOTREGISTERED</summary>
    public const string ErrNotRegistered = "451";

    /// <summary>461 ERR_NEEDMOREPARAMS</summary>
    public const string ErrNeedMoreParams = "461";

    /// <summary>462 ERR_ALREADYREGISTERED</summary>
    public const string ErrAlreadyRegistered = "462";

    /// <summary>464 ERR_PASSWDMISMATCH</summary>
    public const string ErrPasswdMismatch = "464";

    /// <summary>465 ERR_YOUREBANNEDCREEP</summary>
    public const string ErrYoureBannedCreep = "465";

    /// <summary>471 ERR_CHANNELISFULL</summary>
    public const string ErrChannelIsFull = "471";

    /// <summary>472 ERR_UNKNOWNMODE</summary>
    public const string ErrUnknownMode = "472";

    /// <summary>473 ERR_INVITEONLYCHAN</summary>
    public const string ErrInviteOnlyChan = "473";

    /// <summary>474 ERR_BANNEDFROMCHAN</summary>
    public const string ErrBannedFromChan = "474";

    /// <summary>475 ERR_BADCHANNELKEY</summary>
    public const string ErrBadChannelKey = "475";

    /// <summary>476 ERR_BADCHANMASK</summary>
    public const string ErrBadChanMask = "476";

    /// <summary>477 ERR_NOCHANMODES</summary>
    public const string ErrNoChanModes = "477";

    /// <summary>481 ERR_NOPRIVILEGES</summary>
    public const string ErrNoPrivileges = "481";

    /// <summary>482 ERR_CHANOPRIVSNEEDED</summary>
    public const string ErrChanOPrivsNeeded = "482";

    /// <summary>501 ERR_UMODEUNKNOWNFLAG</summary>
    public const string ErrUModeUnknownFlag = "501";

    /// <summary>502 ERR_USERSDONTMATCH</summary>
    public const string ErrUsersDontMatch = "502";
}
