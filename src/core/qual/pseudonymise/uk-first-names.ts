/**
 * Common first names in the UK, written for spnet's name detector (no list is
 * downloaded): the most frequent given names of people born in England and
 * Wales from the 1940s to the 2010s, as they appear in ONS baby-name tables,
 * plus frequent names of the UK's South Asian, Polish, Caribbean, African and
 * Irish communities. Lower case, without accents (matching folds accents).
 * Not a census: a candidate is always shown to the researcher, never
 * replaced unseen.
 */
export const ukFirstNames: ReadonlySet<string> = new Set(
  `
aaron abbie abdul abdullah abigail adam adrian agnes ahmed aidan aiden aisha alan albert alex alexander
alexandra alfie alfred ali alice alicia alison amanda amber amelia amir amit amy andrea andrew andy angela
anita ann anna anne annie anthony anton archie arjun arthur asif ava barbara barry ben benjamin bernard beth
bethany beverley bilal billy brenda brian bridget bruce caitlin callum cameron carl carol caroline carys
catherine charles charlie charlotte chelsea chloe chris christina christine christopher ciara claire clare
colin connor craig daisy dale daniel danielle darren dave david dawn dean debbie deborah declan denise dennis
derek diana diane dominic donna doreen dorothy dylan edith edward eileen elaine eleanor elizabeth ella ellie
elliot emily emma eric erin ethan eve evelyn evie faisal farah fatima finley finn fiona florence frances
francesca frank freddie frederick freya gail gareth gary gavin gemma geoffrey george georgia gerald gillian
glen gloria gordon graham grant gurpreet hannah harjit harold harriet harrison harry harvey hassan hayley
hazel heather helen henry hollie holly howard hugh hussain ian imran irene isaac isabel isabella isabelle
isla ivy jack jackie jacob jacqueline jade jake james jamie jan jane janet janice jasmine jason jayden jean
jeff jeffrey jemma jenna jennifer jenny jeremy jessica jill joan joanna joanne jodie joe joel john jonathan
jordan joseph josephine josh joshua joyce judith julia julian julie karen kate katherine kathleen kathryn
katie kayleigh keith kelly kenneth kerry kevin kieran kim kirsty kyle laura lauren layla leah lee leo leon
lesley leslie lewis liam lily linda lindsay lisa logan lois lola lorraine louis louise lucas lucy luke lydia
lynn lynne madison maisie malcolm mandy margaret maria marian marie marion martin martyn mary mason matilda
matthew maureen maxine megan melanie melissa michael michelle mildred millie mohammed mohammad mohamed molly
muhammad nadia naomi natalie natasha nathan neil nicholas nicola nicole nigel niamh noah norman oliver olivia
oscar owen paige pamela patricia patrick paul paula pauline peter philip phillip phoebe pippa poppy priya
rachel rahul raj rajesh rebecca reece reggie rhys richard rita robert robyn roger rohan ronald rosemary ross
roy ruby russell ruth ryan sadia safia sally samantha samuel sandra sara sarah scarlett scott sean shabana
shane shannon sharon shaun sheila shirley shreya sian simon sonia sophia sophie stacey stanley stella stephanie
stephen steven stuart susan suzanne sylvia tanya teresa terry thomas tina toby tom tommy tony tracey tracy
trevor tyler valerie vanessa vera victoria vincent violet wayne wendy william yasmin yusuf yvonne zac zachary
zainab zara zoe
abi alfie ali alys amelie arran bea bella bobby caleb cara carys cerys dan danny darcy eddie ellis elsie esme ffion frankie gemma gethin harley hugo ianto imogen indie jac jess jo kai kara keira kian lacey lara leighton lexi lola luca mabel maddie max megan mia mohammad nia oakley ollie orla penny reuben rhiannon riley rory rosie sam seren sid sienna stan tegan theo tia tilly val wyn
agnieszka aleksandra anna katarzyna krzysztof magdalena marek marta michal monika pawel piotr tomasz
aoife ciaran eoin niall orla padraig seamus siobhan
abena adebayo ama chidi chinedu femi kofi kwame ngozi oluwaseun tunde
deepak gita harpreet jaswinder kamal manjit meena navdeep parminder pooja ravi sanjay sunita
jose maria juan carlos ana
`
    .split(/\s+/)
    .filter((n) => n !== ''),
)

/** Names that are also common words: detected only with a title or a surname after them. */
export const ambiguousFirstNames: ReadonlySet<string> = new Set(
  'april august bill dawn faith frank grace hope ivy jack jade joy june mark may olive rose ruby summer will'.split(
    ' ',
  ),
)
