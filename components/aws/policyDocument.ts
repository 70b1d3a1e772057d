/** An IAM policy document as plain data (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html). */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

/** One grant or denial; lists are always arrays so documents compare as plain data. */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  /** Set in resource policies (bucket policies), absent in identity policies (user policies). */
  Principal?: "*" | { Service: string } | { AWS: string };
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string>>;
}
