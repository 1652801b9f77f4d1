import { at, excerptOf, firstMatch, sentencesOf, withoutQuotes, type ProseLine } from './text';
import type { RawFinding } from './types';

// ---------------------------------------------------------------------------------------------------------------
// vague: a line with no number, date, ID or name.

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|half|once|twice|single|both|all \d)\b/i;
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|diwali|christmas|easter|boxing day|black friday|prime day)\b/i;
/** Capitalised words that name nobody in particular. */
const COMMON_CAPITALS = new Set([
  'I',
  'Amazon',
  'Amazon’s',
  "Amazon's",
  'Seller',
  'Central',
  'Account',
  'Health',
  'We',
  'Our',
  'The',
  'A',
  'An',
  'This',
  'These',
  'It',
  'All',
  'Each',
  'Every',
  'Please',
]);
const VAGUE_PHRASES =
  /\b(?:do(?:ing)? better|improve(?:d)? (?:our |the )?(?:processes|process|procedures|shipping|service|quality|operations|systems?|performance)|tak(?:e|ing) (?:more )?care|try(?:ing)? (?:harder|our best|to improve)|be(?:ing)? more careful|best efforts?|(?:won['’]t|will not|never|doesn['’]t|does not) happen again|as soon as possible|(?:appropriate|necessary|relevant) (?:measures|steps|actions?)|all (?:necessary|possible) (?:steps|measures)|various (?:measures|steps|issues)|some (?:issues|problems|orders)|certain (?:issues|products|orders)|(?:strengthen|enhance)(?:ed)? our \w+|stricter (?:checks|controls))\b/i;

/** Whether a line names something checkable: a number, a date, an ASIN or order ID, a name. */
export function isSpecific(text: string): boolean {
  if (/\d/.test(text) || NUMBER_WORDS.test(text) || DATE_WORDS.test(text)) return true;
  for (const sentence of sentencesOf(text)) {
    const words = sentence.split(/[\s(),;:"“”]+/).filter(Boolean);
    // A capital after the first word of a sentence is a name: a person, a supplier, a carrier, a tool.
    if (words.slice(1).some((w) => /^[A-Z][a-z]+/.test(w) && !COMMON_CAPITALS.has(w.replace(/[.,!?]+$/, '')))) return true;
    // Acronyms from two letters (DHL, UPS, SKU labels) count as names too, except the everyday ones.
    if (
      words.some(
        (w) =>
          /^[A-Z]{2,}[0-9A-Z-]*$/.test(w.replace(/[.,!?]+$/, '')) &&
          !/^(?:FBA|FBM|ASINS?|POA|SOP|QC|SKUS?|OK|USA?|UK)$/.test(w.replace(/[.,!?]+$/, '')),
      )
    )
      return true;
  }
  return false;
}

/** vague: list items (root causes, corrective actions, preventive measures) with nothing checkable in them. */
export function vague(lines: readonly ProseLine[]): RawFinding[] {
  return lines
    .filter((line) => ['rootCauses', 'correctiveActions', 'preventiveMeasures'].includes(line.section))
    .filter((line) => !isSpecific(line.text))
    .map((line) => {
      const phrase = VAGUE_PHRASES.exec(line.text)?.[0];
      return {
        rule: 'vague',
        ...at(line),
        message: `Vague${phrase ? ` ("${phrase}")` : ''}: name dates, order IDs, ASINs, suppliers, people or numbers`,
        excerpt: phrase ?? excerptOf(line.text, 80),
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// blame: Amazon, buyers, competitors, carriers, suppliers or other third parties made to carry the problem.

/** Blame whatever else the line says. */
const OUTRIGHT_BLAME: readonly RegExp[] = [
  /\b(?:unfair(?:ly)?|unjust(?:ly)?|wrong(?:ful)?(?:ly)?|mistaken(?:ly)?|incorrect(?:ly)?|false(?:ly)?|erroneous(?:ly)?)\s+(?:flagged|suspended|suspension|deactivated|deactivation|removed|removal|blocked|accused|penali[sz]ed|targeted|decision|closed)\b/i,
  /\b(?:flagged|suspended|deactivated|removed|blocked|accused|penali[sz]ed|targeted)\s+(?:us\s+|our\s+\w+\s+)?(?:unfairly|unjustly|wrongly|mistakenly|incorrectly|falsely|by mistake|in error|for no reason)\b/i,
  /\bamazon(?:['’]s)?\s+(?:own\s+)?(?:mistake|error|fault|glitch|bug)\b/i,
  /\b(?:amazon|the investigator|investigators?|the (?:review|policy|performance|seller performance) team)\b[^.\n]*\b(?:made a mistake|got it wrong|was wrong|were wrong|is wrong|are wrong|biased|failed to|did not (?:read|review|check|look|consider|understand)|didn['’]t (?:read|review|check|look|consider|understand)|ignored|overlooked|misunderstood|misread)\b/i,
  /\b(?:buyers?|customers?|shoppers?|purchasers?)\b[^.\n]*\b(?:lied|lie|lying|abus(?:e|ed|ing)|scam\w*|fraudulent(?:ly)?|dishonest(?:ly)?|malicious(?:ly)?|took advantage|serial returners?|falsely (?:claimed|reported))\b/i,
  /\b(?:dishonest|fraudulent|malicious|difficult|unreasonable|abusive|scammer)\s+(?:buyers?|customers?|shoppers?)\b/i,
  /\b(?:fake|false|bogus|baseless|unfounded|malicious|frivolous)\s+(?:complaints?|claims?|reports?|reviews?|feedback|allegations?)\b/i,
  /\b(?:competitors?|rivals?|rival sellers?|other sellers?)\b[^.\n]*\b(?:filed|reported|submitted|left|posted|sabotag\w*|attack\w*|targeted|hijack\w*|falsely|fake|out of spite|jealous|to hurt)\b/i,
  /\bsabotag\w*\b/i,
  /\b(?:by|from)\s+(?:a |an |our |the |one of our )?(?:competitor|rival)s?\b/i,
  /\bwithout our (?:knowledge|consent|permission|approval|authori[sz]ation)\b/i,
  /\bnot (?:our|my) (?:fault|mistake|responsibility|doing)\b/i,
  /\b(?:beyond|outside|out of) our (?:control|hands)\b/i,
  /\bno fault of (?:our|my) own\b/i,
  /\b(?:is|was|are|were) (?:entirely |solely )?to blame\b/i,
  /\bthe (?:fault|mistake|error) of\b/i,
];

const THIRD_PARTY =
  '(?:carriers?|couriers?|delivery (?:company|service|partner|driver|firm)s?|shipping (?:company|partner|provider)s?|postal service|post office|logistics (?:company|partner|provider)s?|suppliers?|manufacturers?|vendors?|wholesalers?|distributors?|factory|factories|3PL|fulfil?ment (?:center|centre|partner)s?|prep (?:center|centre)|agency|agencies|freelancers?|virtual assistants?|contractors?|consultants?|former employees?|ex-employees?|developers?|hackers?|USPS|UPS|FedEx|DHL|Royal Mail|Evri|Hermes|Yodel|DPD|Parcelforce|Australia Post|StarTrack|Sendle|Canada Post|India Post|Delhivery|Blue Dart|Ekart|Xpressbees)';
const FAILED =
  "(?:fail(?:ed|s)?|lost|loses|late|delay(?:ed|s)?|did not|didn['’]t|was slow|were slow|mislabel\\w*|damag(?:ed|es)|sent (?:us )?the wrong|shipped the wrong|mixed up|messed up|(?:made )?(?:an? )?(?:error|mistake)s?|fault|responsible|broke|misplaced|missed|forgot|ignored|changed|uploaded|added|used)";
/** A third party as the one that failed: excused when the seller owns the choice or the missing check. */
const THIRD_PARTY_FAILED: readonly RegExp[] = [
  // The party as the subject, not as a modifier of the seller's own thing ("carrier cut-off times missed").
  new RegExp(
    `\\b${THIRD_PARTY}(?:['’]s)?\\b(?!\\s*(?:cut-?offs?|pick-?ups?|collections?|labels?|accounts?|rates?|integrations?|options?|choices?|selection|settings?|contracts?|times?|portal|list|lists|checks?|vetting)\\b)[^.\\n]{0,80}?\\b${FAILED}\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:because of|due to|caused by|owing to|blame (?:on|it on))\\s+(?:the |our |a |an |their )?(?:\\w+\\s+){0,3}?${THIRD_PARTY}\\b`,
    'i',
  ),
];
/** The seller taking responsibility in the same item. */
const OWNERSHIP =
  /\b(?:we|i)\s+(?:did not|didn['’]t|had not|hadn['’]t|had no|failed to|should have|chose|selected|relied|allowed|let|set|used|picked|accepted|overlooked|missed|never|skipped|gave|booked|kept|trusted)\b|\bour (?:own )?(?:mistake|fault|error|responsibility|oversight|failure|choice|decision)\b|\b(?:we|i) (?:take|accept) (?:full |complete )?responsibility\b|\bwe (?:are|were) responsible\b|\bbecause (?:we|our (?:team|staff|process|listing|system|handling))\b|\bwe own\b|\bwithout (?:our )?(?:checking|verifying|inspecting)\b/i;

export function blameIn(text: string): string | null {
  const plain = withoutQuotes(text);
  const outright = firstMatch(OUTRIGHT_BLAME, plain);
  if (outright) return outright;
  const shifted = firstMatch(THIRD_PARTY_FAILED, plain);
  return shifted && !OWNERSHIP.test(plain) ? shifted : null;
}

export function blame(lines: readonly ProseLine[]): RawFinding[] {
  return lines.flatMap((line) => {
    const words = blameIn(line.text);
    return words
      ? [
          {
            rule: 'blame' as const,
            ...at(line),
            message: `"${excerptOf(words, 60)}" reads as blaming others: own the problem`,
            excerpt: words,
          },
        ]
      : [];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// emotive, question_to_amazon, sales_talk, support_case_reference

const EMOTIVE =
  /!|\b(?:outrag\w*|frustrat\w*|devastat\w*|shock(?:ed|ing)|ridiculous|absurd|desperate(?:ly)?|beg(?:ging)?|heartbr\w*|angry|disappointed|livelihood|please help|unacceptable|nightmare|unfair(?:ly)?|unjust(?:ly)?|terrible|horrible|awful|disastrous|ruin(?:ed|s)?|innocent|harass\w*|cruel|stressful|panick?\w*|furious|appalled|insult\w*|humiliat\w*)\b/i;

export function emotive(lines: readonly ProseLine[]): RawFinding[] {
  return lines.flatMap((line) => {
    const found = EMOTIVE.exec(withoutQuotes(line.text))?.[0];
    return found
      ? [{ rule: 'emotive' as const, ...at(line), message: `Emotive language ("${found}"): keep the tone factual`, excerpt: found }]
      : [];
  });
}

const ASKING: readonly RegExp[] = [
  /\b(?:could|can|would|will) you (?:please |kindly )?(?:tell|let|confirm|explain|advise|clarify|reinstate|review|check|look|reconsider|help|provide|send|share|inform)\b/i,
  /\b(?:please|kindly) (?:let us know|advise|confirm|explain|clarify|tell us|inform us|share)\b/i,
  /\b(?:we would like to know|we want to know|we (?:ask|request) (?:you|amazon) to (?:explain|tell|clarify))\b/i,
  /\b(?:we|i) (?:ask|wonder|would like to ask) (?:you |amazon )?(?:why|what|which|how|whether)\b/i,
];

export function questionsToAmazon(lines: readonly ProseLine[]): RawFinding[] {
  return lines.flatMap((line) => {
    const plain = withoutQuotes(line.text);
    const question = sentencesOf(plain).find((s) => /\?\s*$/.test(s)) ?? firstMatch(ASKING, plain);
    return question
      ? [
          {
            rule: 'question_to_amazon' as const,
            ...at(line),
            message: 'Do not ask Amazon questions in a Plan of Action: state what happened and what you did',
            excerpt: excerptOf(question),
          },
        ]
      : [];
  });
}

const SALES_TALK: readonly RegExp[] = [
  /\b(?:we|our (?:company|business|store|shop|brand|family|firm))\s+(?:(?:was|were|has been|have been)\s+)?(?:founded|established|started|launched|set up)\s+(?:in|back in)\s+(?:\d{4}|the)\b/i,
  /\b(?:we|our (?:company|business|store|shop|brand|firm))\s+(?:have|has)\s+been\s+(?:selling|trading|in business|on amazon|operating|serving)\b/i,
  /\b\d+\+?\s+years?\s+(?:of experience|in business|on amazon|of selling|selling|of trading|trading|of serving)\b/i,
  /\b(?:family[- ](?:run|owned)|award[- ]winning|best[- ]sell(?:ing|er)s?|top[- ]rated|top sellers?|market[- ]leader|leading (?:brand|seller|supplier|retailer)|world[- ]class|industry[- ]leading|premium[- ]quality|highest[- ]quality|high[- ]quality products|unbeatable|trusted by|loyal customers|happy customers|satisfied customers|thousands of (?:happy |satisfied |loyal )?customers|excellent (?:feedback|reviews|track record|reputation|service)|spotless (?:record|history)|perfect (?:record|feedback)|our mission|we pride ourselves|proud to (?:be|serve|offer)|passionate about|dedicated to providing|customer satisfaction is our|valued (?:seller|partner)|long[- ]standing (?:seller|partner))\b/i,
  /\b(?:five|5)[- ]star (?:service|seller|reputation|rating)\b/i,
];

export function salesTalk(lines: readonly ProseLine[]): RawFinding[] {
  return lines.flatMap((line) => {
    const found = firstMatch(SALES_TALK, line.text);
    return found
      ? [
          {
            rule: 'sales_talk' as const,
            ...at(line),
            message: `Company history and sales talk ("${found}") do not help: Amazon reads only the cause and the fix`,
            excerpt: found,
          },
        ]
      : [];
  });
}

const SUPPORT_CASE: readonly RegExp[] = [
  /\b(?:support|open|opened|previous|earlier|prior|existing|pending|same|last)\s+(?:support\s+)?(?:case|ticket)s?\b/i,
  /\bcase\s*(?:id|number|no\.?|#|ref(?:erence)?)\s*[:#]?\s*\d/i,
  /\bticket\s*(?:id|number|no\.?|#)?\s*[:#]?\s*\d/i,
  /\b(?:seller|merchant|selling partner) support\b/i,
  /\bas (?:mentioned|stated|explained|discussed|agreed) (?:in|to|by|with) (?:our |your )?(?:previous|earlier|last|prior|seller|support|colleague)\b/i,
];

export function supportCaseReferences(lines: readonly ProseLine[]): RawFinding[] {
  return lines.flatMap((line) => {
    const found = firstMatch(SUPPORT_CASE, line.text);
    return found
      ? [
          {
            rule: 'support_case_reference' as const,
            ...at(line),
            message: `A plan stands on its own: leave out support cases and earlier tickets ("${found}")`,
            excerpt: found,
          },
        ]
      : [];
  });
}
