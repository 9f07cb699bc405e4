/// Every rule that can appear as evidence, by the id written in `kashuv score` output, progress
/// files and reports (`listening.reflection`, `flag.blame.customer_as_cause`, `cap.robotic`).
/// docs/scoring.md lists them all; a test checks that it does.
public enum ScoringRule: String, Sendable, CaseIterable, Codable {
    /// Another party named as the cause ("because of the courier").
    case flagBlameCause = "flag.blame.cause"
    /// A phrase blaming the customer.
    case flagBlameCustomer = "flag.blame.customer"
    /// The customer as the one who did it wrong, however worded.
    case flagBlameCustomerAsCause = "flag.blame.customer_as_cause"
    /// Disowning it with another party named.
    case flagBlameDisowning = "flag.blame.disowning"
    /// A third party as the subject of a failure.
    case flagBlameImpersonalCause = "flag.blame.impersonal_cause"
    /// A phrase blaming another party.
    case flagBlameOthers = "flag.blame.others"
    /// A fault word beside a third party.
    case flagBlameThirdParty = "flag.blame.third_party"
    /// Making the customer the problem.
    case flagDismissiveCustomerIsTheProblem = "flag.dismissive.customer_is_the_problem"
    /// A form of address set off in a cold reply.
    case flagDismissiveFormOfAddress = "flag.dismissive.form_of_address"
    /// A shrug.
    case flagDismissiveShrug = "flag.dismissive.shrug"
    /// "sorry you feel that way".
    case flagDismissiveSorryYouFeel = "flag.dismissive.sorry_you_feel"
    /// Talking down.
    case flagDismissiveTalkingDown = "flag.dismissive.talking_down"
    /// A listed internal term the customer did not use.
    case flagJargon = "flag.jargon"
    /// An acronym or code the customer did not use.
    case flagJargonAcronym = "flag.jargon.acronym"
    /// Offering what the scenario rules out.
    case flagOverPromiseCannotOffer = "flag.over_promise.cannot_offer"
    /// Guarantees weighing 2 or more.
    case flagOverPromiseGuarantee = "flag.over_promise.guarantee"
    /// The wall the framing rule found.
    case flagPolicyWall = "flag.policy_wall"
    /// A redirect phrase.
    case flagRedirect = "flag.redirect"
    /// The customer sent to act through another channel.
    case flagRedirectChannel = "flag.redirect.channel"
    /// Canned phrases weighing 2 or more.
    case flagRoboticCanned = "flag.robotic.canned"
    /// Rules recited impersonally as the whole answer.
    case flagRoboticRecital = "flag.robotic.recital"
    /// A reply that repeats an earlier one.
    case flagRoboticRepeated = "flag.robotic.repeated"
    /// A concrete fix or option for the customer.
    case framingConcreteOption = "framing.concrete_option"
    /// Nothing offered, and a shrug, disowning or recital closes the door.
    case framingDoorClosed = "framing.door_closed"
    /// The reply ends on what cannot be done.
    case framingEndsWithLimitation = "framing.ends_with_limitation"
    /// A limitation ("I can't", "אי אפשר").
    case framingLimitation = "framing.limitation"
    /// An option after the limitation.
    case framingLimitationThenOption = "framing.limitation_then_option"
    /// Only a weak alternative after the limitation.
    case framingLimitationThenWeak = "framing.limitation_then_weak"
    /// A rule or policy given as the reason.
    case framingPolicy = "framing.policy"
    /// Something positive but vague.
    case framingVague = "framing.vague"
    /// An apology, one generic listening act.
    case listeningApology = "listening.apology"
    /// Checking understanding ("did I get that right?", a closing tag question).
    case listeningCheck = "listening.check"
    /// A genuine question about the customer's situation.
    case listeningClarifyingQuestion = "listening.clarifying_question"
    /// A question that restates what the customer said.
    case listeningEchoQuestion = "listening.echo_question"
    /// Acknowledging the feeling.
    case listeningEmpathy = "listening.empathy"
    /// An opener ("how can I help?"), no clarifying question.
    case listeningOpenerNotQuestion = "listening.opener_not_question"
    /// The customer's specific situation in the trainee's words.
    case listeningReflection = "listening.reflection"
    /// Thanking the customer for raising it.
    case listeningThanks = "listening.thanks"
    /// Validating the feeling ("that's not okay").
    case listeningValidation = "listening.validation"
    /// The trainee doing a fix as they speak.
    case ownershipActionNow = "ownership.action_now"
    /// An apology on behalf of the company.
    case ownershipApology = "ownership.apology"
    /// A first-person promise to come back to the customer.
    case ownershipCallback = "ownership.callback"
    /// A first-person commitment or step.
    case ownershipCommitment = "ownership.commitment"
    /// A fix already done.
    case ownershipDone = "ownership.done"
    /// A time or "now" with the commitment.
    case ownershipFollowThrough = "ownership.follow_through"
    /// A commitment phrased impersonally ("it will be handled").
    case ownershipImpersonal = "ownership.impersonal"
    /// A promise, counted as a (capped) commitment.
    case ownershipPromise = "ownership.promise"
    /// "sorry you feel that way": no apology.
    case ownershipSorryYouFeel = "ownership.sorry_you_feel"
    /// A tentative commitment ("I'll try").
    case ownershipTentative = "ownership.tentative"
    /// Ownership capped at 0 by blame.
    case capBlame = "cap.blame"
    /// Ownership capped at 0 by a redirect.
    case capRedirect = "cap.redirect"
    /// Framing capped at 0 by a policy wall.
    case capPolicyWall = "cap.policy_wall"
    /// Listening capped at 0 by dismissiveness.
    case capDismissive = "cap.dismissive"
    /// Listening capped at 1 by a robotic reply.
    case capRobotic = "cap.robotic"
    /// Ownership and framing capped at 1 by an over-promise.
    case capOverPromise = "cap.over_promise"

    /// The cap a flag puts on a level, as evidence.
    static func cap(_ flag: Flag) -> ScoringRule? { ScoringRule(rawValue: "cap.\(flag.rawValue)") }
}
