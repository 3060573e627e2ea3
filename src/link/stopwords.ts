// Words that say nothing about which story an article tells: English function words and the furniture of news
// writing (reporting verbs, weekdays, months). Our own list.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from
  further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
  how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of
  off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
  so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're
  they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's
  when when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll
  you're you've your yours yourself yourselves
  said says say saying told tell tells according added adding asked statement statements reporters reporter news
  would could may might must shall also just still yet even already since ago last next new first second third one two
  three four five six seven eight nine ten dozen hundreds thousands many much several another around across among
  within without whether however including include includes included later earlier today tonight yesterday tomorrow
  week weeks month months year years day days time times people official officials
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  mr mrs ms dr per via its`.split(/\s+/).filter(Boolean),
);
