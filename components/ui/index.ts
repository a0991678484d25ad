export { Badge, type TBadgeTone } from "./badge";
export { Button, buttonClass, type TButtonSize, type TButtonVariant } from "./button";
export { Card, cardClass } from "./card";
export { Table } from "./table";
