import { Activity } from "./activity";
import { BalanceTriangleDiagram } from "./balance-triangle-diagram";
import { Callout } from "./callout";
import { ExerciseCard } from "./exercise-card";
import { Figure } from "./figure";
import { InjuryResponseDiagram } from "./injury-response-diagram";
import { KeyTakeaways } from "./key-takeaways";
import { PostureCheckDiagram } from "./posture-check-diagram";
import { SpinalMotionsDiagram } from "./spinal-motions-diagram";
import { TrunkMusclesDiagram } from "./trunk-muscles-diagram";

/** The only components lesson MDX may use. */
export const mdxComponents = {
  Activity,
  Callout,
  KeyTakeaways,
  ExerciseCard,
  Figure,
  SpinalMotionsDiagram,
  TrunkMusclesDiagram,
  PostureCheckDiagram,
  InjuryResponseDiagram,
  BalanceTriangleDiagram,
};
