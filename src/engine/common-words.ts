/**
 * Words so common in English and in error prose that a pair made only of them says little
 * about which error this is ("should be", "to the", "please contact"). Written for this project.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before
  being below between both but by can cannot could couldn d did didn do does doesn doing don done
  down during each either else enough ensure even ever every few for from further get gets got had
  has hasn have haven having he her here hers him his how however i if in into is isn it its itself
  just least less let like ll m may me might more most must mustn my myself need needs neither no
  nor not now of off on once one only or other our ours out over own per please re s same shall
  shan she should shouldn since so some such t than that the their theirs them then there these
  they this those through thus to too under until up upon us ve very via was wasn we were weren
  what when where whether which while who whom why will with within without won would wouldn you
  your yours yourself able again already always another anything around ask away back become
  begin best better come continue contact could currently details do error errors following go
  help information instead keep know later look make many may more much new next note occurred
  occur ok okay one part please possible problem reason result right run see seems set show
  something sure take tell try trying two use used uses using want way well work works yet
  administrator admin message messages operation value values item items time times
  remote server returned recipient found lookup address failed failure exception thrown unable
  object request response invalid specified
  microsoft exchange data storage management configuration tasks system mailboxreplicationservice`.split(
    /\s+/,
  ),
)
