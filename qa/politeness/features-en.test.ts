import { describe, it, expect } from 'vitest'
import { EnFeatures, Tokens } from './features-en.js'
import { strategiesOf, type Strategy } from './strategies.js'

const en = new EnFeatures({ positive: ['great', 'helpful', 'nice'], negative: ['wrong', 'stupid', 'problem'] })
const found = (text: string) => strategiesOf(en.detect(text))
const yes = (strategy: Strategy, ...texts: string[]) => {
  for (const t of texts) expect(found(t), t).toContain(strategy)
}
const no = (strategy: Strategy, ...texts: string[]) => {
  for (const t of texts) expect(found(t), t).not.toContain(strategy)
}

describe('English politeness strategies', () => {
  it('gratitude, but not "no thanks" or "thanks for nothing"', () => {
    yes('gratitude', 'Thanks for the quick reply.', 'I really appreciate it.', 'Thank you so much!')
    no('gratitude', 'No thanks.', 'Thanks for nothing.', 'Well, thanks for nothing!')
  })

  it('deference opens a sentence; "good morning" is a greeting', () => {
    yes('deference', 'Great question. Could you add the log?', 'Nice work so far on your rewrite.')
    no('deference', 'This is a great question.', 'Good morning, how can I help?')
    yes('greeting', 'Good morning, how can I help?')
  })

  it('greeting at the start of a sentence only', () => {
    yes('greeting', 'Hi, can you check this?', 'Hello there. Is it fixed?', 'Hey, I just tried to build it.')
    no('greeting', 'I said hi to the team.')
  })

  it('apologizing, but not "not sorry"', () => {
    yes('apologizing', 'Sorry to bother you.', 'Excuse me, is this the right queue?', 'I apologize for the delay.')
    no('apologizing', "I'm not sorry about that.")
  })

  it('please inside a sentence vs please at its start', () => {
    expect(found('Could you please check the logs?')).toEqual(expect.arrayContaining(['please']))
    no('please_start', 'Could you please check the logs?')
    yes('please_start', 'Please check the logs.', 'It broke again. Please fix it.')
    no('please', 'Please check the logs.')
  })

  it('indirect "by the way"', () => {
    yes('btw', 'By the way, where did you find that?', 'btw the link is dead')
    no('btw', 'I like the way you did it.')
  })

  it('direct questions open with what/why/who/how; "how can I help" is an offer', () => {
    yes('direct_question', 'What is your native language?', 'So what do you want?', 'Why is this here?')
    no('direct_question', 'I know what you mean.', 'How can I help you today?', 'What can we do for you?')
  })

  it('direct start: so / then / and / but / or opening a sentence', () => {
    yes('direct_start', 'So can you retrieve it or not?', 'But what is the source?')
    no('direct_start', 'It works, so thanks.')
  })

  it('counterfactual and indicative modals; "could you not" is neither (nor deference)', () => {
    yes('counterfactual', 'Could you explain that?', 'Would you mind adding a test?')
    yes('indicative', 'Can you post the code?', 'Will you fix it?')
    for (const reproach of ['Could you not shout at me?', 'Can you not do that?', 'Would you not interrupt?']) {
      no('counterfactual', reproach)
      no('indicative', reproach)
      no('deference', reproach)
    }
    no('indicative', 'I can see you now.')
  })

  it('first and second person, at the start and inside', () => {
    yes('first_person_start', 'I have just put the article up.', "I'm checking now.")
    yes('first_person', 'It is my view that it works.')
    no('first_person', 'I have just put the article up.')
    yes('first_person_plural', 'Could we find a simpler name?', 'Our team will call.')
    yes('second_person_start', "You've reverted yourself.", 'Your order shipped.')
    yes('second_person', "But what's the source you have in mind?")
    no('second_person', 'You have it.')
  })

  it('hedges and factuality', () => {
    yes('hedges', 'I suggest we start with the logs.', 'It is kind of slow.', 'Maybe restart it?')
    yes('factuality', 'In fact you did link it.', 'Actually, it works.', 'The truth is it never worked.')
    no('factuality', 'It is a fact sheet.')
  })

  it('positive and negative lexicon words', () => {
    yes('positive', 'That was helpful.')
    yes('negative', 'This is wrong.')
    no('negative', 'That was helpful.')
  })

  it('challenging questions: negative questions and "why not"', () => {
    yes(
      'challenge',
      "Don't you think so?",
      'Why not use a loop?',
      "Why don't you read the docs?",
      "Didn't you read it?",
    )
    no('challenge', "I don't think so.", 'Why is it slow?')
  })

  it('rude expressions, straight or curly apostrophes', () => {
    yes('rude', 'Calm down.', 'I already told you twice.', 'That’s your problem.', "Whatever, it's fine.")
    no('rude', 'Please calm the dog.')
  })

  it('appends the lower-cased words and ? ! marks for the n-grams', () => {
    const tokens = new Tokens()
    en.detect("Can't you READ? Fine!", tokens)
    expect(tokens.list()).toEqual(['can', 't', 'you', 'read', '?', 'fine', '!'])
    en.detect('Thanks', tokens)
    expect(tokens.list()).toEqual(['thanks'])
  })
})
